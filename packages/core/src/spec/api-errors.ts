/** What one error code of the API means and what to do about it. */
export interface ErrorInfo {
  readonly code: string;
  /** The HTTP status Alibaba answers it with. */
  readonly httpStatus: number;
  readonly meaning: string;
  /** What to do, in one sentence. */
  readonly action: string;
  /** Whether sending the same request again may succeed (throttling, 5xx). */
  readonly retryable: boolean;
  /** Whether Alibaba bills the call: never for an error, only for answers with SubCode 200 or 205. */
  readonly billed: boolean;
  /** Who answers it: FaceLivenessV2 itself, Alibaba's API gateway, or neither table (`unknown`). */
  readonly source: "product" | "gateway" | "unknown";
}

// [code, HTTP status, what to do, meaning when the code read as words is not clear enough]: short texts in rows,
// so the table stays small in a browser bundle. Repeated phrases are written out: after gzip a repeat costs less
// than a template that names a constant (measured with bench/size.mjs).
type Row = readonly [string, number, string, string?];

// ID Verification's own table (bodies: RequestId, Code, Message).
const PRODUCT: readonly Row[] = [
  ["MissingParameter", 400, "Send every required parameter."],
  ["InvalidParameter", 400, "Fix the parameter the message names."],
  ["TransactionIdInvalid", 400, "Start a new verification."],
  ["UnqualifiedPhoto", 401, "Send a sharp, unobstructed portrait.", "unusable photo"],
  ["DataDuplication", 401, "Send one picture source.", "several picture sources"],
  ["ToolargeImage", 401, "Keep it under 1 MB, shorter side 720 px.", "image too large"],
  ["DownloadTimeout", 401, "Use a fast public HTTPS URL, or base64."],
  ["NoFaceDetected", 401, "Send a front-facing photo, the face over 60% of it."],
  ["Forbidden.ExceptionRepeatedInvoke", 401, "Fix the request, then wait.", "too many failing calls"],
  ["Forbidden.RAMUserAccessDenied", 403, "Grant it cloudauth-intl access.", "RAM user not allowed"],
  ["Forbidden.AccountAccessDenied", 403, "Activate ID Verification; check billing.", "account not allowed"],
  ["Throttling.Api", 403, "Retry with back-off; lower the QPS.", "API QPS limit hit"],
  ["InternalError", 500, "Retry with back-off."],
  ["ServiceUnavailable", 503, "Retry with back-off, or fail over."],
];

// Alibaba's API gateway, common to every RPC API (bodies add HostId and Recommend).
const GATEWAY: readonly Row[] = [
  ["SignatureDoesNotMatch", 400, "Check the secret; send what was signed."],
  ["IncompleteSignature", 400, "Send every signed header."],
  ["InvalidTimeStamp.Expired", 400, "Sync the clock; sign each try.", "date over 15 min off"],
  ["SignatureNonceUsed", 400, "Use a new nonce each try."],
  ["Throttling.User", 400, "Retry with back-off; lower concurrency.", "account rate limit hit"],
  ["InvalidAccessKeyId.NotFound", 404, "Check the AccessKeyId.", "unknown AccessKeyId"],
  ["InvalidApi.NotFound", 404, "Call FaceLivenessV2 2022-08-09 on cloudauth-intl.", "no such API here"],
];

// An entry of the table, or for a code not in it. Retryable: throttling and 5xx. Billed: never an error.
function entry(row: Row, source: ErrorInfo["source"]): ErrorInfo {
  // Without a meaning, the code read as words: "NoFaceDetected" -> "no face detected".
  const [code, httpStatus, action, meaning = code.replace(/\B[A-Z]/g, " $&").toLowerCase()] = row;
  const retryable = code.startsWith("Throttling") || httpStatus >= 500;
  return { code, httpStatus, meaning, action, retryable, billed: false, source };
}

// @__NO_SIDE_EFFECTS__
function toTable(): Record<string, ErrorInfo> {
  const table: Record<string, ErrorInfo> = {};
  for (const row of PRODUCT) table[row[0]] = entry(row, "product");
  for (const row of GATEWAY) table[row[0]] = entry(row, "gateway");
  return table;
}

/** Every error code FaceLivenessV2 and Alibaba's gateway document for it, by code. */
export const API_ERRORS: Readonly<Record<string, ErrorInfo>> = /* @__PURE__ */ toTable();

/**
 * The table entry for `code`, or a generic one for a code the tables do not list: retryable when the status
 * is 5xx or the code starts with `Throttling`.
 */
export function describeApiError(code: string, httpStatus = 0): ErrorInfo {
  if (Object.hasOwn(API_ERRORS, code)) return API_ERRORS[code]!;
  const info = entry([code, httpStatus, "Retry with back-off.", "not in the error tables"], "unknown");
  return info.retryable ? info : { ...info, action: "Read the message; quote the RequestId." };
}
