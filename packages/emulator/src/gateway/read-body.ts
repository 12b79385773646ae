import { readCapped } from "@liveness-kit/core/bytes";

/** Thrown by {@link readBody} when a body is over its cap; nothing beyond the cap is kept in memory. */
export class BodyTooLargeError extends Error {
  /** The cap that was exceeded, in bytes. */
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super(`The request body is over ${maxBytes} bytes.`);
    this.name = "BodyTooLargeError";
    this.maxBytes = maxBytes;
  }
}

/**
 * Reads a request body into memory, at most `maxBytes`: a declared Content-Length over the cap is refused before
 * reading, and a chunked body is counted while it streams, so a hostile client cannot make the emulator buffer
 * more than the cap.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const body = await readCapped(request.body, maxBytes, request.headers.get("content-length"));
  if (body === undefined) throw new BodyTooLargeError(maxBytes);
  return body;
}
