import { connect } from "node:net";

/** An HTTP answer as the suites keep it: the status, lower-case headers and the body text. */
export interface ReceivedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes exactly as given over a new TCP connection (for what fetch cannot express: a declared
 * `Content-Length` the body never reaches, hand-made chunked framing, raw header bytes) and reads one
 * HTTP/1.1 answer. The answer counts as soon as it is complete, even while the request is still being
 * written; no answer within `timeoutMs` rejects. With `pauseMs`, each chunk after the first waits that
 * long (a client that trickles). The socket is never half-closed: after the last chunk it stays open and
 * silent, as a stalled client's does, until the answer comes or the time is up.
 */
export function exchangeOverSocket(
  origin: string,
  chunks: Uint8Array[],
  timeoutMs: number,
  options: { pauseMs?: number } = {},
): Promise<ReceivedAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (outcome: ReceivedAnswer | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => finish(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const answer = parseAnswer(received);
      if (answer) finish(answer);
    });
    // A server that answers early may reset the connection while the rest is still being written.
    socket.on("error", () =>
      finish(parseAnswer(received) ?? new Error("connection failed before an answer")),
    );
    socket.on("close", () =>
      finish(parseAnswer(received) ?? new Error("connection closed before an answer")),
    );
    socket.on("connect", async () => {
      for (const [index, chunk] of chunks.entries()) {
        if (index > 0 && options.pauseMs)
          await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
        if (settled || socket.destroyed) return;
        if (!socket.write(chunk)) await new Promise((drained) => socket.once("drain", drained));
      }
    });
  });
}

/** The answer once it is complete (by Content-Length or chunked framing), else undefined. */
function parseAnswer(bytes: Buffer): ReceivedAnswer | undefined {
  const headEnd = bytes.indexOf("\r\n\r\n");
  if (headEnd < 0) return undefined;
  const [statusLine = "", ...lines] = bytes.subarray(0, headEnd).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = bytes.subarray(headEnd + 4);
  if (headers["transfer-encoding"]?.toLowerCase() === "chunked") {
    const body = dechunk(rest);
    return body === undefined ? undefined : { status, headers, body: body.toString("utf8") };
  }
  const length = Number(headers["content-length"] ?? 0);
  if (rest.byteLength < length) return undefined;
  return { status, headers, body: rest.subarray(0, length).toString("utf8") };
}

function dechunk(bytes: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = bytes.indexOf("\r\n", offset);
    if (lineEnd < 0) return undefined;
    const size = Number.parseInt(bytes.subarray(offset, lineEnd).toString("latin1"), 16);
    if (!Number.isInteger(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    if (bytes.byteLength < lineEnd + 2 + size + 2) return undefined;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}
