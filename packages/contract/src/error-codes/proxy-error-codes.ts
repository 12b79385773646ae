import * as v from "valibot";

/** What the table says about one of the proxy's error codes. */
export interface ProxyErrorCodeInfo {
  /** The HTTP status the code is always answered with. */
  readonly status: number;
  /**
   * Whether the same request may succeed later: `true` or `false` always, `"depends"` when the answer's
   * own `retryable` field says it case by case.
   */
  readonly retryable: boolean | "depends";
  /** What the code means, for the caller who reads it. */
  readonly meaning: string;
}

/**
 * Every `code` the proxy itself answers with. Refusals by Alibaba keep Alibaba's own code
 * (`NoFaceDetected`, `UnqualifiedPhoto`, ...) and are not listed here: core's `API_ERRORS` describes them.
 */
export const PROXY_ERROR_CODES = {
  missing_credentials: { status: 401, retryable: false, meaning: "No Authorization header was sent." },
  invalid_credentials: {
    status: 401,
    retryable: false,
    meaning: "The Authorization header is not Bearer <key or token>, or the key is not one of this proxy's.",
  },
  token_malformed: { status: 401, retryable: false, meaning: "The caller token is not a caller token." },
  token_bad_signature: {
    status: 401,
    retryable: false,
    meaning: "The caller token was not signed with this proxy's secret.",
  },
  token_expired: { status: 401, retryable: false, meaning: "The caller token has expired; mint a new one." },
  token_not_yet_valid: {
    status: 401,
    retryable: false,
    meaning: "The caller token is not valid yet: the clock of the server that minted it is ahead.",
  },
  token_wrong_audience: {
    status: 401,
    retryable: false,
    meaning: "The caller token was minted for another audience.",
  },
  token_ttl_too_long: {
    status: 401,
    retryable: false,
    meaning: "The caller token lives longer than 10 minutes.",
  },
  token_replayed: {
    status: 401,
    retryable: false,
    meaning: "The caller token was already used: tokens are single use.",
  },
  origin_not_allowed: {
    status: 403,
    retryable: false,
    meaning: "A browser origin that is not in ALLOWED_ORIGINS.",
  },
  header_not_allowed: {
    status: 403,
    retryable: false,
    meaning: "A CORS preflight asked for a request header the proxy does not accept.",
  },
  server_caller_required: {
    status: 403,
    retryable: false,
    meaning: 'Only a caller key with the role "server" may look answers up.',
  },
  not_found: { status: 404, retryable: false, meaning: "No such endpoint, or no decided answer is kept." },
  method_not_allowed: { status: 405, retryable: false, meaning: "The path does not take this method." },
  body_timeout: {
    status: 408,
    retryable: true,
    meaning: "The body stalled or was not complete by the deadline.",
  },
  idempotency_conflict: {
    status: 409,
    retryable: false,
    meaning: "The merchantBizId was already used with a different body.",
  },
  idempotency_in_progress: {
    status: 409,
    retryable: true,
    meaning: "The call of this merchantBizId is still running.",
  },
  merchant_biz_id_taken: {
    status: 409,
    retryable: false,
    meaning: "The merchantBizId belongs to another caller of this deployment.",
  },
  payload_too_large: { status: 413, retryable: false, meaning: "The body is larger than the limit." },
  unsupported_media_type: {
    status: 415,
    retryable: false,
    meaning: "Neither application/json nor multipart/form-data, or a charset other than UTF-8.",
  },
  incomplete_body: {
    status: 400,
    retryable: false,
    meaning: "The body ended before it was complete.",
  },
  invalid_json: { status: 400, retryable: false, meaning: "The body is not valid UTF-8 JSON." },
  invalid_multipart: { status: 400, retryable: false, meaning: "The body is not valid multipart/form-data." },
  invalid_request: {
    status: 400,
    retryable: false,
    meaning: "The body breaks the schema or the API's rules; `details.issues` lists every problem.",
  },
  invalid_base64: { status: 400, retryable: false, meaning: "image.base64 is not valid standard base64." },
  image_url_disabled: { status: 400, retryable: false, meaning: "This proxy does not take image.url." },
  image_rejected: {
    status: 422,
    retryable: false,
    meaning: "The image cannot be used; `details` holds core's report.",
  },
  rate_limited: { status: 429, retryable: true, meaning: "Over the caller's rate." },
  region_rate_limited: { status: 429, retryable: true, meaning: "The proxy is at Alibaba's QPS limit." },
  internal_error: { status: 500, retryable: true, meaning: "An unexpected failure of the proxy." },
  upstream_unreachable: { status: 502, retryable: true, meaning: "Alibaba Cloud could not be reached." },
  upstream_bad_response: {
    status: 502,
    retryable: "depends",
    meaning: "Alibaba Cloud answered with something unexpected.",
  },
  upstream_refused_proxy: {
    status: 502,
    retryable: false,
    meaning: "Alibaba Cloud refused the proxy's own AccessKey or account; its operator must fix it.",
  },
  upstream_circuit_open: { status: 503, retryable: true, meaning: "Every region is failing right now." },
  upstream_unavailable: {
    status: 503,
    retryable: true,
    meaning: "No region could be tried within the time budget; nothing was billed.",
  },
  proxy_misconfigured: {
    status: 503,
    retryable: true,
    meaning: "The proxy is not configured correctly; its operator must fix it.",
  },
  upstream_timeout: {
    status: 504,
    retryable: "depends",
    meaning:
      "Alibaba Cloud did not answer in time: retryable for the picture upload; not for the liveness call, which may have been billed.",
  },
} as const satisfies Readonly<Record<string, ProxyErrorCodeInfo>>;

/** One of the proxy's own error codes. */
export type ProxyErrorCode = keyof typeof PROXY_ERROR_CODES;

/** The proxy's own error codes, in the table's order. */
export const PROXY_ERROR_CODE_NAMES = Object.keys(PROXY_ERROR_CODES) as ProxyErrorCode[];

/** Whether `code` is one of the proxy's own error codes. */
export function isProxyErrorCode(code: unknown): code is ProxyErrorCode {
  return typeof code === "string" && Object.hasOwn(PROXY_ERROR_CODES, code);
}

/** The table as Markdown, for documents (the OpenAPI description of `ProxyErrorCodeSchema`). */
function markdownTable(): string {
  const rows = Object.entries(PROXY_ERROR_CODES).map(([code, info]) => {
    const retry = info.retryable === "depends" ? "see `retryable`" : info.retryable ? "yes" : "no";
    return `| \`${code}\` | ${info.status} | ${retry} | ${info.meaning} |`;
  });
  const head = ["| code | status | retryable | meaning |", "| --- | --- | --- | --- |"];
  return ["The proxy's own codes:", "", ...head, ...rows].join("\n");
}

/** A `code` of the proxy's own; its description is the table. */
export const ProxyErrorCodeSchema = v.pipe(
  v.picklist(PROXY_ERROR_CODE_NAMES),
  v.description(markdownTable()),
);
