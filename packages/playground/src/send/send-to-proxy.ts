import ky, { HTTPError, isNetworkError, isTimeoutError, type Progress } from "ky";
import type { ProxyRequestBody } from "../request/request-draft.js";

/** Everything one send needs. */
export interface SendOptions {
  readonly proxyUrl: string;
  readonly callerKey: string;
  readonly body: ProxyRequestBody;
  /** Per-attempt timeout. */
  readonly timeoutMs: number;
  /** Retries on network errors, 429 and 5xx; only used when the body has a MerchantBizId (see below). */
  readonly retries: number;
  /** A Retry-After longer than this is not waited for: the 429/503 is shown instead. */
  readonly maxRetryAfterMs?: number;
  readonly onUploadProgress?: (progress: Progress) => void;
  readonly onRetry?: (retry: { attempt: number; reason: string }) => void;
  readonly signal?: AbortSignal;
  readonly fetch?: typeof fetch;
}

/** What came back, whatever the status: the UI shows errors from it too. */
export interface ProxyExchange {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  /** The body as received. */
  readonly bodyText: string;
  /** The body parsed as JSON, when it was JSON. */
  readonly body: unknown;
  /** How many requests were made (1 + retries). */
  readonly attempts: number;
  /** Bytes of the JSON request body. */
  readonly requestBytes: number;
}

/** Thrown when no answer came back at all; `kind` tells a timeout from a failed connection. */
export class SendFailedError extends Error {
  constructor(
    readonly kind: "network" | "timeout",
    message: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SendFailedError";
  }
}

/**
 * POSTs the request to `{proxyUrl}/v1/face-liveness` with ky: a per-attempt timeout, retries on network
 * errors, 429 and 5xx that honour `Retry-After`, and upload progress where the browser can stream request
 * bodies. Retrying a POST is only safe because the proxy deduplicates by MerchantBizId, so without one
 * there are no retries. Resolves with the final answer whatever its status; rejects with
 * {@link SendFailedError} when there is no answer.
 */
export async function sendToProxy(options: SendOptions): Promise<ProxyExchange> {
  const json = JSON.stringify(options.body);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  let attempts = 0;
  let lastText = "";
  const retries = options.body.merchantBizId ? options.retries : 0;
  const url = `${options.proxyUrl.replace(/\/+$/, "")}/v1/face-liveness`;
  try {
    const response = await ky.post(url, {
      body: json,
      headers: { authorization: `Bearer ${options.callerKey}`, "content-type": "application/json" },
      timeout: options.timeoutMs,
      throwHttpErrors: true,
      retry: {
        limit: retries,
        methods: ["post"],
        statusCodes: [429, 500, 502, 503, 504],
        afterStatusCodes: [429, 503],
        backoffLimit: 5_000,
        jitter: true,
        retryOnTimeout: true,
        shouldRetry: ({ error }) => {
          // A server asking for a long pause gets its answer shown rather than a frozen UI.
          if (error instanceof HTTPError) {
            const after = retryAfterMs(error.response.headers.get("retry-after"));
            if (after !== undefined && after > maxRetryAfterMs) return false;
          }
          return undefined;
        },
      },
      hooks: {
        beforeRequest: [
          () => {
            attempts = 1;
          },
        ],
        beforeRetry: [
          ({ error, retryCount }) => {
            attempts = retryCount + 1;
            const reason =
              error instanceof HTTPError
                ? `HTTP ${error.response.status}${error.response.headers.get("retry-after") ? ` (Retry-After: ${error.response.headers.get("retry-after")})` : ""}`
                : error.name;
            options.onRetry?.({ attempt: attempts, reason });
          },
        ],
      },
      parseJson: (text) => {
        lastText = text;
        return text === "" ? undefined : JSON.parse(text);
      },
      ...(options.onUploadProgress ? { onUploadProgress: options.onUploadProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    const text = await response.text();
    return exchange(response, text, parseMaybe(text), attempts, json.length);
  } catch (error) {
    if (error instanceof HTTPError) {
      // ky has consumed the body into `data` (through parseJson when it was JSON).
      const data: unknown = error.data;
      const text = typeof data === "string" ? data : lastText;
      return exchange(
        error.response,
        text,
        typeof data === "string" ? parseMaybe(data) : data,
        attempts,
        json.length,
      );
    }
    if (isTimeoutError(error)) {
      throw new SendFailedError(
        "timeout",
        `No answer within ${options.timeoutMs} ms`,
        Math.max(attempts, 1),
        { cause: error },
      );
    }
    if (isNetworkError(error) || error instanceof TypeError) {
      throw new SendFailedError("network", "The request could not reach the proxy", Math.max(attempts, 1), {
        cause: error,
      });
    }
    throw error;
  }
}

function exchange(
  response: Response,
  text: string,
  body: unknown,
  attempts: number,
  requestBytes: number,
): ProxyExchange {
  return {
    status: response.status,
    headers: [...response.headers.entries()],
    bodyText: text,
    body,
    attempts: Math.max(attempts, 1),
    requestBytes,
  };
}

function parseMaybe(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
