import { LivenessApiError, ResponseFormatError } from "../errors/index.js";
import {
  type FaceLivenessResult,
  type RawResponse,
  retryAfterMs,
  UNKNOWN_ERROR_CODE,
} from "../response/index.js";

const SCORE_NAMES = [
  "qualityScore",
  "occlusionScore",
  "keyAreaOcclusionScore",
  "illuminationScore",
  "sharpnessScore",
];
const MAX_MESSAGE_LENGTH = 300;

type Json = Record<string, unknown>;

/**
 * Reads our edge proxy's answer: a 2xx holds a `FaceLivenessResult` as JSON, checked field by field; anything
 * else is an error `{ code, message, requestId, retryable, hint?, billed? }` and becomes a `LivenessApiError`
 * (an error body that is not JSON still gives one, retryable when the status is 5xx or 429). It does not use
 * the error table, so a browser bundle stays small: the proxy, which has the table, sends the hint.
 * A 2xx is read by the rule of `FaceLivenessResultSchema` in `@liveness-kit/contract` (core has no dependencies,
 * so the rule is written out here; the contract's tests hold the two to the same answers): the required fields
 * are checked, the optional ones passed through as they came.
 */
export function parseProxyAnswer(raw: RawResponse): FaceLivenessResult {
  let body: Json = {};
  try {
    // Spread: JSON that is not an object gives no fields.
    body = { ...JSON.parse(raw.body) };
  } catch {}
  const { status } = raw;
  const requestId = text(body.requestId);
  if (status < 200 || status > 299) {
    throw new LivenessApiError({
      code: text(body.code) ?? UNKNOWN_ERROR_CODE,
      httpStatus: status,
      message: text(body.message)?.slice(0, MAX_MESSAGE_LENGTH) ?? `HTTP ${status} from the proxy`,
      requestId,
      retryable: typeof body.retryable === "boolean" ? body.retryable : status >= 500 || status === 429,
      billed: body.billed === true,
      hint: text(body.hint) ?? "",
      retryAfterMs: retryAfterMs(raw.headers),
    });
  }
  // The documented fields are checked; extra fields are passed through as they came.
  const face = body.face as Json | undefined;
  if (
    typeof body.transactionId === "string" &&
    typeof body.passed === "boolean" &&
    typeof body.subCode === "string" &&
    typeof face?.attack === "boolean" &&
    SCORE_NAMES.every((name) => Number.isFinite(face[name]))
  ) {
    return { ...body, requestId: requestId ?? "" } as unknown as FaceLivenessResult;
  }
  throw new ResponseFormatError(
    `HTTP ${status}: the proxy's answer is not a FaceLivenessResult`,
    status,
    requestId,
  );
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
