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

// [code, HTTP status, meaning, what to do]. Kept as rows so the table stays small in a browser bundle.
type Row = readonly [string, number, string, string];

const RETRY = "Retry with back-off";

// ID Verification's own table (bodies: RequestId, Code, Message).
const PRODUCT: readonly Row[] = [
  ["MissingParameter", 400, "a required parameter is missing", "Send every required parameter."],
  ["InvalidParameter", 400, "a parameter is invalid", "Fix the parameter the message names."],
  ["TransactionIdInvalid", 400, "the transaction id is invalid", "Start a new verification."],
  [
    "UnqualifiedPhoto",
    401,
    "the image is unreadable or of low quality",
    "Send a sharp, unobstructed portrait photo.",
  ],
  ["DataDuplication", 401, "more than one picture source", "Send exactly one picture source."],
  ["ToolargeImage", 401, "the image is too large", "Keep it under 1 MB; scale the shorter side to 720 px."],
  [
    "DownloadTimeout",
    401,
    "FacePictureUrl could not be fetched in time",
    "Use a fast public HTTPS URL, or base64.",
  ],
  ["NoFaceDetected", 401, "no face found", "Send a front-facing photo, the face over 60% of it."],
  [
    "Forbidden.ExceptionRepeatedInvoke",
    401,
    "too many repeated failing calls",
    "Fix the request, then wait.",
  ],
  [
    "Forbidden.RAMUserAccessDenied",
    403,
    "the RAM user lacks permission",
    "Grant the RAM user access to cloudauth-intl.",
  ],
  [
    "Forbidden.AccountAccessDenied",
    403,
    "the account may not use the service",
    "Activate ID Verification; check billing.",
  ],
  ["Throttling.Api", 403, "over the API's QPS limit", `${RETRY}; stay under the QPS limit.`],
  ["InternalError", 500, "an internal error at Alibaba", `${RETRY}.`],
  ["ServiceUnavailable", 503, "the service is unavailable", `${RETRY}, or fail over.`],
];

// Alibaba's API gateway, common to every RPC API (bodies add HostId and Recommend).
const GATEWAY: readonly Row[] = [
  [
    "SignatureDoesNotMatch",
    400,
    "the signature does not match",
    "Check the secret; send query and body as signed.",
  ],
  ["IncompleteSignature", 400, "the signature is incomplete", "Send every signed header."],
  [
    "InvalidTimeStamp.Expired",
    400,
    "the date is over 15 minutes off",
    "Sync the clock; sign each try afresh.",
  ],
  ["SignatureNonceUsed", 400, "the nonce was used before", "Use a fresh nonce for every try."],
  ["Throttling.User", 400, "over the account's request rate", `${RETRY}; lower the concurrency.`],
  ["InvalidAccessKeyId.NotFound", 404, "the AccessKeyId does not exist", "Check the AccessKeyId."],
  [
    "InvalidApi.NotFound",
    404,
    "no such API or version here",
    "Call FaceLivenessV2 2022-08-09 on cloudauth-intl.",
  ],
];

/** Whether an error with this code and status may succeed when sent again: throttling and 5xx. */
function isRetryable(code: string, httpStatus: number): boolean {
  return code.startsWith("Throttling") || httpStatus >= 500;
}

// @__NO_SIDE_EFFECTS__
function toTable(groups: readonly [ErrorInfo["source"], readonly Row[]][]): Record<string, ErrorInfo> {
  const table: Record<string, ErrorInfo> = {};
  for (const [source, rows] of groups) {
    for (const [code, httpStatus, meaning, action] of rows) {
      table[code] = {
        code,
        httpStatus,
        meaning,
        action,
        retryable: isRetryable(code, httpStatus),
        billed: false,
        source,
      };
    }
  }
  return table;
}

/** Every error code FaceLivenessV2 and Alibaba's gateway document for it, by code. */
export const API_ERRORS: Readonly<Record<string, ErrorInfo>> = /* @__PURE__ */ toTable([
  ["product", PRODUCT],
  ["gateway", GATEWAY],
]);

/**
 * The table entry for `code`, or a generic one for a code the tables do not list: retryable when the status
 * is 5xx or the code starts with `Throttling`.
 */
export function describeApiError(code: string, httpStatus?: number): ErrorInfo {
  const known = Object.hasOwn(API_ERRORS, code) ? API_ERRORS[code] : undefined;
  if (known) return known;
  const status = httpStatus ?? 0;
  const retryable = isRetryable(code, status);
  return {
    code,
    httpStatus: status,
    meaning: "not in the error tables",
    action: retryable ? `${RETRY}.` : "Read the message; quote the RequestId.",
    retryable,
    billed: false,
    source: "unknown",
  };
}
