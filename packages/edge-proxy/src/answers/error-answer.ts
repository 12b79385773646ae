import type { JsonAnswer } from "./json-answer.js";
import type { ProxyError } from "./proxy-error.js";

/** `Retry-After` in whole seconds (at least 1), as HTTP wants it. */
export function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1_000)));
}

/** The JSON answer for a `ProxyError`: `{ code, message, requestId, retryable, hint?, details? }`. */
export function errorAnswer(error: ProxyError, requestId: string): JsonAnswer {
  const body: Record<string, unknown> = {
    code: error.code,
    message: error.message,
    requestId,
    retryable: error.retryable,
  };
  if (error.hint !== undefined) body.hint = error.hint;
  if (error.details !== undefined) body.details = error.details;
  const headers: Record<string, string> = { ...error.headers };
  if (error.retryAfterMs !== undefined) headers["retry-after"] = retryAfterSeconds(error.retryAfterMs);
  return { status: error.status, body, headers };
}
