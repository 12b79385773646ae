import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

/**
 * A loopback HTTP server for FacePictureUrl tests: `/image` serves `image`, `/missing` 404, `/slow` never
 * answers, `/huge` streams 2 MB without a length, `/redirect` answers 302.
 */
export async function useImageServer(image: () => Uint8Array): Promise<{ url: string }> {
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    switch (req.url) {
      case "/image":
        res.writeHead(200, { "content-type": "image/jpeg" }).end(Buffer.from(image()));
        return;
      case "/slow":
        hanging.add(res);
        return;
      case "/huge": {
        res.writeHead(200, { "content-type": "image/jpeg" });
        const chunk = Buffer.alloc(64 * 1024, 0xff);
        for (let i = 0; i < 32; i++) res.write(chunk);
        res.end();
        return;
      }
      case "/redirect":
        res.writeHead(302, { location: "/image" }).end();
        return;
      default:
        res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
