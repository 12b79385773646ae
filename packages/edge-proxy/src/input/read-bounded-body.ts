import { ProxyError } from "../answers/proxy-error.js";
import { bodyBuffer } from "./body-buffer.js";
import { type BodyReadLimits, drainBoundsOf } from "./body-read-limits.js";
import { bodyTimeoutError } from "./body-timeout-error.js";
import { discardBody } from "./discard-body.js";
import { TimedReader } from "./timed-reader.js";

/**
 * Reads the whole request body within `limits`, counting bytes as they arrive:
 * - over `maxBytes` (declared in `Content-Length` or counted while streaming, so a body that lies or
 *   declares nothing is caught) is a 413 `payload_too_large`;
 * - no chunk for `idleTimeoutMs`, or the body still incomplete after `deadlineMs`, is a 408
 *   `body_timeout`: the runtime itself would wait as long as the client keeps the connection open;
 * - a body that breaks off (the client went away mid-upload) is a 400 `incomplete_body`, not a 500.
 * Before a 413, and before a 408 while the client is still sending, the rest of the body is read and
 * thrown away within the drain bounds, so the client reads the answer instead of a connection reset.
 */
export async function readBoundedBody(request: Request, limits: BodyReadLimits): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  const length = declared !== null && /^\d+$/.test(declared) ? Number(declared) : undefined;
  if (length !== undefined && length > limits.maxBytes) {
    // Refused unread, but drained first: the client is likely still uploading what it declared.
    if (request.body !== null) {
      await discardBody(new TimedReader(request.body.getReader()), drainBoundsOf(limits));
    }
    throw tooLarge(limits.maxBytes);
  }
  if (request.body === null) return new Uint8Array(0);
  const body = bodyBuffer(request.body, length, limits.maxBytes + 1);
  const reader = new TimedReader(body);
  const deadline = Date.now() + limits.deadlineMs;
  let total = 0;
  for (;;) {
    const timeLeft = deadline - Date.now();
    if (timeLeft <= 0) {
      // Still arriving, only too slowly: let the client finish so that it reads the 408.
      await discardBody(reader, drainBoundsOf(limits));
      throw bodyTimeoutError("deadline", limits.deadlineMs);
    }
    const wait = Math.min(limits.idleTimeoutMs, timeLeft);
    const chunk = await reader.read(wait).catch(() => {
      // The client went away or broke the framing mid-body: its failure, not the proxy's (no 500).
      throw new ProxyError(400, "incomplete_body", "The request body ended before it was complete.");
    });
    if (chunk === undefined) {
      // The deadline cut this wait short: answered above (the read stays in flight for the drain).
      if (wait < limits.idleTimeoutMs) continue;
      // A stalled client sends nothing more: there is nothing to drain.
      await reader.cancel();
      throw bodyTimeoutError("idle", limits.idleTimeoutMs);
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > limits.maxBytes) {
      await discardBody(reader, drainBoundsOf(limits));
      throw tooLarge(limits.maxBytes);
    }
  }
  return body.bytes();
}

function tooLarge(maxBytes: number): ProxyError {
  return new ProxyError(413, "payload_too_large", `The request body is larger than ${maxBytes} bytes.`, {
    details: { maxBytes },
  });
}
