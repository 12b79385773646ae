import { LivenessApiError, type LivenessError, NetworkError, ResponseFormatError } from "../errors/index.js";

/** When and how long to wait before trying again. */
export interface RetryPolicy {
  /** Tries after the first, per endpoint. */
  readonly retries: number;
  /** The back-off ceiling of the first retry in ms; it doubles each retry. */
  readonly baseDelayMs: number;
  /** The longest wait in ms, back-off or `retryAfterMs`. */
  readonly maxDelayMs: number;
}

/**
 * Whether a failed try may succeed if sent again: connection failures, throttling, and 5xx answers. A
 * timeout is not: the try was sent, so Alibaba may still decide and bill it, and sending the same
 * `MerchantBizId` again could bill twice. Its outcome is unknown; the caller decides what to do.
 */
export function isRetryableError(error: unknown): error is LivenessError {
  if (error instanceof NetworkError) return error.code !== "Timeout";
  if (error instanceof LivenessApiError) return error.retryable;
  // A 5xx that is not JSON (a load balancer's HTML page) is as transient as a 5xx that is.
  return error instanceof ResponseFormatError && error.httpStatus >= 500;
}

/**
 * Whether a failure that used up its retries justifies another region: the region looks down (connection
 * failure or 5xx). Never a timeout: the try may still be billed, and another region would bill it again.
 */
export function isFailoverError(error: unknown): boolean {
  if (error instanceof NetworkError) return error.code !== "Timeout";
  return (
    (error instanceof LivenessApiError || error instanceof ResponseFormatError) && error.httpStatus >= 500
  );
}

/**
 * The wait before retry number `attempt + 1` (attempt counts from 0): full jitter, a random time below
 * `min(maxDelayMs, baseDelayMs * 2^attempt)`, but never less than the server's `retryAfterMs`. Undefined when
 * the server asks for longer than `maxDelayMs`: retrying sooner would be refused again.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  error: unknown,
  random: () => number = Math.random,
): number | undefined {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jitter = Math.floor(random() * ceiling);
  const asked = error instanceof LivenessApiError ? error.retryAfterMs : undefined;
  if (asked === undefined) return jitter;
  return asked > policy.maxDelayMs ? undefined : Math.max(jitter, asked);
}
