import { ValidationError } from "../errors/index.js";
import { type FaceLivenessInput, isPictureSourceGiven, validateFaceLivenessInput } from "../request/index.js";
import type { FaceLivenessResult } from "../response/index.js";
import { DEFAULT_PRODUCT_CODE } from "../spec/index.js";
import type { FetchFunction, ProxyClientOptions } from "./client-options.js";
import { fetchRawResponse } from "./fetch-raw-response.js";
import { parseProxyAnswer } from "./proxy-answer.js";

/** The proxy's route for one FaceLivenessV2 call, under `baseUrl`. */
export const PROXY_FACE_LIVENESS_PATH = "/v1/face-liveness";

/** What a proxy try needs besides the input. */
export interface ProxyTransport {
  /** The full URL of the route. */
  readonly url: string;
  readonly token: ProxyClientOptions["token"];
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
}

/** The JSON body the proxy takes (its schema refuses any other field): the picture under `image`. */
export interface ProxyRequestBody {
  readonly merchantBizId: string;
  readonly merchantUserId: string;
  readonly image: { readonly base64: string } | { readonly url: string };
  readonly faceQualityCheck?: boolean | undefined;
}

/**
 * Checks the input with core's rules (so a browser fails before uploading anything) and turns it into the
 * proxy's body. Throws `ValidationError`. What the proxy does not take is refused rather than dropped:
 * file-stream mode, `faceAttributeCheck`, and a product code other than the default, which the proxy sends.
 */
export function toProxyRequestBody(input: FaceLivenessInput): ProxyRequestBody {
  const issues = validateFaceLivenessInput(input);
  if (issues.length === 0) {
    const unsupported = [
      isPictureSourceGiven(input.facePictureFile) && "facePictureFile",
      input.faceAttributeCheck !== undefined && "faceAttributeCheck",
      input.productCode !== undefined && input.productCode !== DEFAULT_PRODUCT_CODE && "productCode",
    ];
    for (const field of unsupported) {
      if (field) issues.push({ field, code: "invalid_value", message: "is not available through the proxy" });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return {
    merchantBizId: input.merchantBizId,
    merchantUserId: input.merchantUserId,
    image: isPictureSourceGiven(input.facePictureUrl)
      ? { url: input.facePictureUrl! }
      : { base64: input.facePictureBase64! },
    faceQualityCheck: input.faceQualityCheck,
  };
}

/** The function that makes one try: a fresh token, then `POST {url}` with the JSON body. */
export function proxySender(
  transport: ProxyTransport,
  body: ProxyRequestBody,
  signal?: AbortSignal,
): () => Promise<FaceLivenessResult> {
  const json = JSON.stringify(body);
  return async () => {
    const token = typeof transport.token === "function" ? await transport.token() : transport.token;
    // The token goes into a header: printable ASCII only, no spaces.
    if (typeof token !== "string" || !/^[\x21-\x7e]+$/.test(token)) {
      throw new ValidationError([
        { field: "token", code: "invalid_value", message: "must give a printable token" },
      ]);
    }
    const raw = await fetchRawResponse(transport.fetch, {
      url: transport.url,
      init: {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          authorization: `Bearer ${token}`,
        },
        body: json,
      },
      timeoutMs: transport.timeoutMs,
      signal,
      label: "the proxy",
    });
    return parseProxyAnswer(raw);
  };
}

// An http(s) origin with an optional path, or a same-origin path; no query, fragment or whitespace.
const BASE_URL = /^(https?:\/\/[^/?#\s]+|\/(?!\/))[^?#\s]*$/;

/**
 * The route's URL under `baseUrl`: an http(s) URL (a path is kept) or, in a browser, a same-origin path such
 * as `/api`. Undefined when `baseUrl` is neither.
 */
export function proxyRouteUrl(baseUrl: unknown): string | undefined {
  return typeof baseUrl === "string" && BASE_URL.test(baseUrl)
    ? baseUrl.replace(/\/+$/, "") + PROXY_FACE_LIVENESS_PATH
    : undefined;
}
