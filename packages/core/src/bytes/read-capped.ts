import { concatBytes } from "./concat-bytes.js";

/**
 * Reads a byte stream to its end into one array, holding at most `maxBytes`: as soon as the count passes the
 * cap the stream is cancelled and `undefined` is returned, so a sender that lies about its size (or declares
 * none) cannot make the reader buffer more than the cap and one chunk. `declaredLength` (a `Content-Length`
 * header as sent) over the cap returns `undefined` before anything is read. A failing stream rejects with
 * its own error.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredLength?: string | null,
): Promise<Uint8Array | undefined> {
  if (declaredLength != null && /^\d+$/.test(declaredLength) && Number(declaredLength) > maxBytes) {
    await stream?.cancel().catch(() => undefined);
    return undefined;
  }
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0] : concatBytes(...chunks);
}
