import { NetworkError } from "@liveness-kit/core/errors";
import { type AccessKeyCredentials, signRequest } from "@liveness-kit/core/sign";
import type { ServerTiming } from "../observability/server-timing.js";

/** One signed RPC call to Alibaba (or the emulator). */
export interface SignedCall {
  method: "GET" | "POST";
  url: string;
  action: string;
  version: string;
  /** Signed and sent as it is: bytes are used through their view (offset and length), never `.buffer`. */
  body?: Uint8Array<ArrayBuffer> | string;
  contentType?: string;
}

/** The answer as text, with what the parsers need. */
export interface SignedAnswer {
  status: number;
  body: string;
  headers: Headers;
}

/**
 * Signs the call with core's ACS3-HMAC-SHA256 (a fresh date and nonce on every call, so each retry is a
 * new signature) and sends it. The headers are built from nothing but the signature: no header of the
 * caller's request ever reaches Alibaba. Network failures and timeouts become core's `NetworkError`.
 */
export async function signedFetch(
  call: SignedCall,
  credentials: AccessKeyCredentials,
  timeoutMs: number,
  timing: ServerTiming,
): Promise<SignedAnswer> {
  const signed = await timing.measure("sign", () =>
    signRequest(
      {
        method: call.method,
        url: call.url,
        headers: call.contentType === undefined ? {} : { "content-type": call.contentType },
        body: call.body,
      },
      credentials,
      { action: call.action, version: call.version },
    ),
  );
  // The runtime sets Host from the URL (the same value that was signed).
  const { host: _host, ...headers } = signed;
  let response: Response;
  try {
    response = await timing.measure("fetch", () =>
      fetch(call.url, {
        method: call.method,
        headers,
        body: call.body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "manual",
      }),
    );
    return { status: response.status, body: await response.text(), headers: response.headers };
  } catch (error) {
    throw toNetworkError(error, timeoutMs);
  }
}

function toNetworkError(error: unknown, timeoutMs: number): NetworkError {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new NetworkError("Timeout", `no answer from the upstream within ${timeoutMs} ms`, {
      cause: error,
    });
  }
  return new NetworkError("NetworkError", "the upstream could not be reached", { cause: error });
}
