import type { RetryEvent } from "./client-options.js";
import { isRetryableError, type RetryPolicy, retryDelayMs } from "./retry-policy.js";
import { sleep } from "./sleep.js";

/** What `retryOnEndpoint` needs: how to send one try, and when to stop. */
export interface EndpointRetryPlan<T> {
  /** One try against the endpoint; it must make a fresh signature or token each time. */
  readonly send: (endpoint: string) => Promise<T>;
  readonly policy: RetryPolicy;
  readonly signal?: AbortSignal | undefined;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Defaults to `Math.random`; for tests of the back-off. */
  readonly random?: (() => number) | undefined;
}

/**
 * Tries one endpoint up to `1 + retries` times, sleeping a full-jitter back-off (at least the server's
 * `retryAfterMs`) between tries, and throws the last failure when the retries are spent. A failure that is not
 * retryable (a business error, a timeout) is thrown at once; the caller's abort ends it with the signal's reason.
 * The proxy client uses it alone; the direct client's fail-over (`sendWithRetries`) is built on it.
 */
export async function retryOnEndpoint<T>(plan: EndpointRetryPlan<T>, endpoint: string): Promise<T> {
  const { policy, signal } = plan;
  for (let failures = 0; ; ) {
    if (signal?.aborted) throw signal.reason;
    try {
      return await plan.send(endpoint);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (!isRetryableError(error)) throw error;
      const delayMs =
        failures < policy.retries ? retryDelayMs(policy, failures, error, plan.random) : undefined;
      failures++;
      if (delayMs === undefined) throw error;
      plan.onRetry?.({ attempt: failures, delayMs, error, endpoint, nextEndpoint: endpoint });
      await sleep(delayMs, signal);
    }
  }
}
