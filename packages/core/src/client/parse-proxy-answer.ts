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
  // The documented fields are checked (the optional ones when present); extra fields are passed through.
  if (isResult(body)) return { ...body, requestId: requestId ?? "" } as unknown as FaceLivenessResult;
  throw new ResponseFormatError(
    `HTTP ${status}: the proxy's answer is not a FaceLivenessResult`,
    status,
    requestId,
  );
}

/**
 * The rule of a readable 2xx answer, the same as `FaceLivenessResultSchema` of `@liveness-kit/contract` (a
 * valibot schema; core has no dependencies, so it is written out here, and the contract's tests check that
 * both accept exactly the same answers).
 */
function isResult(body: Json): boolean {
  const { face, upstream } = body;
  return (
    typeof body.transactionId === "string" &&
    typeof body.passed === "boolean" &&
    typeof body.subCode === "string" &&
    optional(body.merchantBizId, "string") &&
    optional(body.receipt, "string") &&
    isObject(face) &&
    typeof face.attack === "boolean" &&
    SCORE_NAMES.every((name) => Number.isFinite(face[name])) &&
    optional(face.occlusion, "boolean") &&
    (face.age === undefined || Number.isFinite(face.age)) &&
    optional(face.gender, "string") &&
    optional(face.attributes, "string") &&
    (upstream === undefined ||
      (isObject(upstream) && optional(upstream.requestId, "string") && optional(upstream.region, "string")))
  );
}

function optional(value: unknown, type: "string" | "boolean"): boolean {
  return value === undefined || typeof value === type;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
