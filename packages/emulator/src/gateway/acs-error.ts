import { API_ERRORS } from "@liveness-kit/core";

/** Which layer of Alibaba's stack answers: the API gateway (adds `HostId`, `Recommend`) or the product. */
export type AcsErrorSource = "gateway" | "product";

/**
 * The messages Alibaba's API gateway answers for its common codes (as seen in public error bodies). Product
 * codes carry a message written by the thrower instead.
 */
const GATEWAY_MESSAGES: Readonly<Record<string, string>> = {
  IncompleteSignature: "The request signature does not conform to Aliyun standards.",
  "InvalidAccessKeyId.NotFound": "Specified access key is not found.",
  SignatureDoesNotMatch: "Specified signature is not matched with our calculation.",
  "InvalidTimeStamp.Expired": "Specified time stamp or date value is expired.",
  "InvalidTimeStamp.Format": "Specified time stamp or date value is not well formatted.",
  SignatureNonceUsed: "Specified signature nonce was used already.",
  "InvalidApi.NotFound": "Specified api is not found, please check your url and method.",
  "Throttling.Api": "Request was denied due to api flow control.",
  "Throttling.User": "Request was denied due to user flow control.",
};

/** HTTP statuses for codes core's table may not list (gateway-only codes Alibaba answers with). */
const FALLBACK_STATUS: Readonly<Record<string, number>> = {
  SignatureNonceUsed: 400,
  "InvalidApi.NotFound": 404,
  "Throttling.Api": 403,
  "Throttling.User": 403,
};

/**
 * An error answer of the emulated endpoint. Thrown anywhere in a request; rendered once by
 * {@link acsErrorResponse} in Alibaba's body shape for its source.
 */
export class AcsError extends Error {
  /** Alibaba's error code, e.g. `SignatureDoesNotMatch`. */
  readonly code: string;
  /** The HTTP status Alibaba answers with for this code. */
  readonly status: number;
  /** Gateway errors add `HostId` and `Recommend` to the body. */
  readonly source: AcsErrorSource;
  /** Extra response headers, e.g. `x-acs-retry-after`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: string,
    message?: string,
    init: { source?: AcsErrorSource; status?: number; headers?: Record<string, string> } = {},
  ) {
    super(message ?? GATEWAY_MESSAGES[code] ?? code);
    this.name = "AcsError";
    this.code = code;
    const known = API_ERRORS[code];
    this.status = init.status ?? known?.httpStatus ?? FALLBACK_STATUS[code] ?? 400;
    this.source =
      init.source ?? (code in GATEWAY_MESSAGES || known?.source === "gateway" ? "gateway" : "product");
    this.headers = init.headers ?? {};
  }
}

/**
 * Removes a picture's base64 from a message (e.g. a V2 string to sign that covers the form body), so that image
 * bytes never appear in an answer; the rest of the message stays as Alibaba would show it.
 */
export function redactPicture(message: string): string {
  return message
    .replace(/FacePictureBase64%3D(?:(?!%26)[^\n])*/g, "FacePictureBase64%3D[redacted]")
    .replace(/FacePictureBase64=[^&\n]*/g, "FacePictureBase64=[redacted]");
}

/** The link Alibaba's gateway puts in `Recommend` (its troubleshooting page; the format is modelled). */
export function recommendUrl(code: string, requestId: string): string {
  return `https://api.alibabacloud.com/troubleshoot?q=${encodeURIComponent(code)}&product=Cloudauth-intl&requestId=${requestId}`;
}

/** A JSON answer with the headers Alibaba sends on every response. */
export function acsJson(
  body: unknown,
  status: number,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json;charset=utf-8", "x-acs-request-id": requestId, ...headers },
  });
}

/**
 * Renders an {@link AcsError}: `{ RequestId, HostId, Code, Message, Recommend }` for the gateway,
 * `{ RequestId, Code, Message }` for the product.
 */
export function acsErrorResponse(error: AcsError, requestId: string, hostId: string): Response {
  const message = redactPicture(error.message);
  const body =
    error.source === "gateway"
      ? {
          RequestId: requestId,
          HostId: hostId,
          Code: error.code,
          Message: message,
          Recommend: recommendUrl(error.code, requestId),
        }
      : { RequestId: requestId, Code: error.code, Message: message };
  return acsJson(body, error.status, requestId, { ...error.headers });
}
