import type { FaceLivenessRequest } from "../request/index.js";
import { type FaceLivenessResult, parseFaceLivenessResponse } from "../response/index.js";
import { type AccessKeyCredentials, percentEncode, signRequest } from "../sign/index.js";
import type { FetchFunction } from "./client-options.js";
import { fetchRawResponse } from "./fetch-raw-response.js";

/** What a direct try needs besides the request. */
export interface DirectTransport {
  readonly credentials: AccessKeyCredentials;
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
}

/**
 * Prepares one call to Alibaba and returns the function that makes one try against an endpoint origin: it signs
 * afresh (new date and nonce) and POSTs `origin/?query` with the form body. The query is encoded once with the
 * signature's own percent-encoding; the body bytes are the request's own, for every try.
 */
export function directSender(
  transport: DirectTransport,
  request: FaceLivenessRequest,
  signal?: AbortSignal,
): (endpoint: string) => Promise<FaceLivenessResult> {
  const query = Object.entries(request.query)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join("&");
  // Built requests carry their body as bytes: sign and send them as they are.
  const body =
    request.bodyBytes ?? (request.body === undefined ? undefined : new TextEncoder().encode(request.body));
  const headers = request.contentType ? { "content-type": request.contentType } : undefined;
  return async (endpoint) => {
    const url = `${endpoint}/?${query}`;
    const signed = await signRequest({ method: "POST", url, headers, body }, transport.credentials, {
      action: request.action,
      version: request.version,
    });
    // fetch writes Host from the URL itself (the same value that was signed); browsers forbid setting it.
    const { host, ...sent } = signed;
    const raw = await fetchRawResponse(transport.fetch, {
      url,
      init: { method: "POST", headers: sent, body },
      timeoutMs: transport.timeoutMs,
      signal,
      label: host ?? endpoint,
    });
    return parseFaceLivenessResponse(raw);
  };
}
