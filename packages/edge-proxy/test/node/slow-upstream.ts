import { createServer, request as httpRequest, type Server } from "node:http";

/** How long the slow stand-in holds each request. */
export const SLOW_UPSTREAM_DELAY_MS = 700;

/**
 * A slow stand-in for Alibaba: every request (AuthorizeFileUpload, the OSS upload, FaceLivenessV2) is held
 * `delayMs`, then forwarded as it is (Host included, so signatures still verify) to the emulator at
 * `targetPort`. A request whose sender gave up is forwarded all the same, as a real upstream would still
 * decide and bill a call it received.
 */
export async function startSlowUpstream(
  port: number,
  targetPort: number,
  delayMs: number,
): Promise<{ close(): Promise<void> }> {
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("error", () => {});
    outgoing.on("error", () => {});
    incoming.on("end", () => {
      setTimeout(() => {
        const forwarded = httpRequest(
          {
            host: "127.0.0.1",
            port: targetPort,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
          },
          (answer) => {
            if (outgoing.destroyed) {
              answer.resume();
              return;
            }
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        forwarded.on("error", () => outgoing.destroy());
        forwarded.end(Buffer.concat(chunks));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
