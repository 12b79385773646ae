import { ProxyError } from "../answers/proxy-error.js";

/**
 * Reads the whole request body, counting bytes as they arrive and stopping at `maxBytes`: a body that
 * lies in its `Content-Length` (or has none) is caught while streaming. A declared length above the
 * limit is refused without reading. A body that breaks off (the client went away mid-upload) is a 400
 * `incomplete_body`, not a 500.
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      // The client went away or broke the framing mid-body: its failure, not the proxy's (no 500).
      throw new ProxyError(400, "incomplete_body", "The request body ended before it was complete.");
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(maxBytes: number): ProxyError {
  return new ProxyError(413, "payload_too_large", `The request body is larger than ${maxBytes} bytes.`, {
    details: { maxBytes },
  });
}
