import { ProxyError } from "../answers/proxy-error.js";

/** Which bound of the body read ran out: the wait for one chunk, or the whole body's time. */
export type BodyTimeoutReason = "idle" | "deadline";

/**
 * The 408 `body_timeout` answer for a body that stalled (a `Content-Length` larger than what was sent,
 * a client that stopped mid-upload) or took too long. Retryable: nothing was billed, and a resend over a
 * better connection may succeed.
 */
export function bodyTimeoutError(reason: BodyTimeoutReason, limitMs: number): ProxyError {
  const message =
    reason === "idle"
      ? `The request body stalled: no data arrived for ${limitMs} ms.`
      : `The request body was not complete within ${limitMs} ms.`;
  return new ProxyError(408, "body_timeout", message, {
    retryable: true,
    hint: "Send the whole body at once, with a Content-Length that matches it, then retry.",
    details: { reason, limitMs },
  });
}
