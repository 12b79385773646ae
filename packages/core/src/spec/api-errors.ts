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

const RETRY = "Retry with back-off";

// [code, HTTP status, meaning, what to do]: short texts in rows, so the table stays small in a browser bundle.
type Row = readonly [string, number, string, string];

// ID Verification's own table (bodies: RequestId, Code, Message).
const PRODUCT: readonly Row[] = [
  ["MissingParameter", 400, "a parameter is missing", "Send every required parameter."],
  ["InvalidParameter", 400, "a parameter is invalid", "Fix the parameter the message names."],
  ["TransactionIdInvalid", 400, "invalid transaction id", "Start a new verification."],
  ["UnqualifiedPhoto", 401, "unusable photo", "Send a sharp, unobstructed portrait."],
  ["DataDuplication", 401, "several picture sources", "Send one picture source."],
  ["ToolargeImage", 401, "image too large", "Keep it under 1 MB, shorter side 720 px."],
  ["DownloadTimeout", 401, "URL fetch timed out", "Use a fast public HTTPS URL, or base64."],
  ["NoFaceDetected", 401, "no face found", "Send a front-facing photo, the face over 60% of it."],
  ["Forbidden.ExceptionRepeatedInvoke", 401, "too many failing calls", "Fix the request, then wait."],
  ["Forbidden.RAMUserAccessDenied", 403, "RAM user not allowed", "Grant it cloudauth-intl access."],
  ["Forbidden.AccountAccessDenied", 403, "account not allowed", "Activate ID Verification; check billing."],
  ["Throttling.Api", 403, "API QPS limit hit", `${RETRY}; lower the QPS.`],
  ["InternalError", 500, "Alibaba internal error", `${RETRY}.`],
  ["ServiceUnavailable", 503, "service unavailable", `${RETRY}, or fail over.`],
];

// Alibaba's API gateway, common to every RPC API (bodies add HostId and Recommend).
const GATEWAY: readonly Row[] = [
  ["SignatureDoesNotMatch", 400, "signature mismatch", "Check the secret; send what was signed."],
  ["IncompleteSignature", 400, "incomplete signature", "Send every signed header."],
  ["InvalidTimeStamp.Expired", 400, "date over 15 min off", "Sync the clock; sign each try."],
  ["SignatureNonceUsed", 400, "nonce used before", "Use a new nonce each try."],
  ["Throttling.User", 400, "account rate limit hit", `${RETRY}; lower concurrency.`],
  ["InvalidAccessKeyId.NotFound", 404, "unknown AccessKeyId", "Check the AccessKeyId."],
  ["InvalidApi.NotFound", 404, "no such API here", "Call FaceLivenessV2 2022-08-09 on cloudauth-intl."],
];

// An entry of the table, or for a code not in it. Retryable: throttling and 5xx. Billed: never an error.
function entry(row: Row, source: ErrorInfo["source"]): ErrorInfo {
  const [code, httpStatus, meaning, action] = row;
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
  const info = entry([code, httpStatus, "not in the error tables", `${RETRY}.`], "unknown");
  return info.retryable ? info : { ...info, action: "Read the message; quote the RequestId." };
}
