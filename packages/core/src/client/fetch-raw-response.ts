import { NetworkError } from "../errors/index.js";
import type { RawResponse } from "../response/index.js";
import type { FetchFunction } from "./client-options.js";
import { startTimeout } from "./timeout-signal.js";

/** One HTTP try: where to send it, and the limits. */
export interface RawRequest {
  readonly url: string;
  readonly init: Omit<RequestInit, "signal">;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** Names the destination in error messages (a host: the URL's query may hold a user id). */
  readonly label: string;
}

/**
 * Sends one request and reads the whole answer within `timeoutMs`. Failures become `NetworkError`
 * (`NetworkError` or `Timeout`, the original error as `cause`); when the caller's signal aborts, the promise
 * rejects with its reason instead.
 */
export async function fetchRawResponse(fetchFn: FetchFunction, request: RawRequest): Promise<RawResponse> {
  const timeout = startTimeout(request.timeoutMs, request.signal);
  try {
    const response = await fetchFn(request.url, { ...request.init, signal: timeout.signal });
    const body = await response.text();
    return { status: response.status, body, headers: response.headers };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (timeout.timedOut) {
      throw new NetworkError("Timeout", `No answer from ${request.label} within ${request.timeoutMs} ms.`, {
        cause: error,
      });
    }
    throw new NetworkError("NetworkError", `No answer from ${request.label}: the request failed.`, {
      cause: error,
    });
  } finally {
    timeout.clear();
  }
}

/** The global `fetch`, looked up at call time and called unbound (browsers refuse `fetch` on another `this`). */
export const globalFetch: FetchFunction = (input, init) => fetch(input, init);
