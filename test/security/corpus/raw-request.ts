import { freshCallerToken } from "./caller-credentials.js";

/**
 * The head of a raw `POST /v1/face-liveness`; `framing` is a Content-Length or chunked header line. The
 * caller token is fresh (each request its own rate-limit bucket) unless `withAuth` is false.
 */
export async function rawHead(
  framing: string,
  contentType = "application/json",
  withAuth = true,
): Promise<Buffer> {
  const lines = [
    "POST /v1/face-liveness HTTP/1.1",
    "Host: 127.0.0.1",
    ...(withAuth ? [`Authorization: Bearer ${await freshCallerToken()}`] : []),
    `Content-Type: ${contentType}`,
    framing,
    "",
    "",
  ];
  return Buffer.from(lines.join("\r\n"));
}

/** `bytes` in HTTP/1.1 chunked framing, `size` bytes a chunk, with the last chunk unless `end` is false. */
export function chunkedFraming(bytes: Uint8Array, end = true, size = 65_536): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.byteLength; offset += size) {
    const part = bytes.subarray(offset, offset + size);
    chunks.push(
      Buffer.concat([Buffer.from(`${part.byteLength.toString(16)}\r\n`), part, Buffer.from("\r\n")]),
    );
  }
  if (end) chunks.push(Buffer.from("0\r\n\r\n"));
  return chunks;
}
