import { LivenessApiError } from "../errors/index.js";
import { describeApiError } from "../spec/index.js";
import { isJsonObject, type JsonObject, readText } from "./json-fields.js";
import { type ResponseHeaders, retryAfterMs } from "./retry-after-ms.js";

/** The code given to an error answer whose body names none. */
export const UNKNOWN_ERROR_CODE = "UnknownError";
// Alibaba's messages are short; anything longer is cut so a hostile body cannot flood logs.
const MAX_MESSAGE_LENGTH = 300;

/**
 * Turns an error answer into a typed `LivenessApiError`: a gateway body (`RequestId, HostId, Code, Message,
 * Recommend`), a product body (`RequestId, Code, Message`), or our proxy's `{ code, message, requestId,
 * retryable }`. `retryable`, `billed` and `hint` come from the error table (`API_ERRORS`); `retryAfterMs` from
 * `x-acs-retry-after` (milliseconds) or else `retry-after` (seconds).
 */
export function toLivenessApiError(
  status: number,
  body: unknown,
  headers?: ResponseHeaders,
): LivenessApiError {
  const fields: JsonObject = isJsonObject(body) ? body : {};
  const code = readText(fields, "Code", "code") ?? UNKNOWN_ERROR_CODE;
  const info = describeApiError(code, status);
  const message = readText(fields, "Message", "message");
  return new LivenessApiError({
    code,
    httpStatus: status,
    message: message ? clip(message) : `HTTP ${status}: ${info.meaning}`,
    requestId: readText(fields, "RequestId", "requestId"),
    // Our proxy says itself whether a retry may help; Alibaba's bodies never do, so the table decides.
    retryable: typeof fields.retryable === "boolean" ? fields.retryable : info.retryable,
    billed: info.billed,
    hint: info.action,
    retryAfterMs: retryAfterMs(headers),
    hostId: readText(fields, "HostId", "hostId"),
    recommend: readText(fields, "Recommend", "recommend"),
  });
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}
