import type { LivenessError } from "../errors/index.js";
import type { RetryEvent } from "./client-options.js";
import { isFailoverError, isRetryableError, type RetryPolicy, retryDelayMs } from "./retry-policy.js";
import { sleep } from "./sleep.js";

/** What `sendWithRetries` needs: where to send, how to send one try, and when to stop. */
export interface RetryPlan<T> {
  /** Endpoints in order: the first, then the fail-over ones. At least one. */
  readonly endpoints: readonly string[];
  /** One try against one endpoint; it must make a fresh signature (date, nonce) each time. */
  readonly send: (endpoint: string) => Promise<T>;
  readonly policy: RetryPolicy;
  readonly signal?: AbortSignal | undefined;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Defaults to `Math.random`; for tests of the back-off. */
  readonly random?: (() => number) | undefined;
}

/**
 * Tries each endpoint up to `1 + retries` times, sleeping a full-jitter back-off (at least the server's
 * `retryAfterMs`) between tries, and moves to the next endpoint only when the last failure says the endpoint
 * looks down (network or 5xx). A failure that is not retryable (a business error) is thrown at once.
 */
export async function sendWithRetries<T>(plan: RetryPlan<T>): Promise<T> {
  const { endpoints, policy, signal } = plan;
  let lastError: unknown;
  for (let index = 0; index < endpoints.length; index++) {
    const endpoint = endpoints[index]!;
    let failures = 0;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      try {
        return await plan.send(endpoint);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (!isRetryableError(error)) throw error;
        lastError = error;
        const delayMs =
          failures < policy.retries ? retryDelayMs(policy, failures, error, plan.random) : undefined;
        failures++;
        if (delayMs === undefined) break;
        plan.onRetry?.({ attempt: failures, delayMs, error, endpoint, nextEndpoint: endpoint });
        await sleep(delayMs, signal);
      }
    }
    const next = endpoints[index + 1];
    // Only a region that looks down is left for the next one; throttling would follow the caller there.
    if (next === undefined || !isFailoverError(lastError)) break;
    plan.onRetry?.({
      attempt: failures,
      delayMs: 0,
      error: lastError as LivenessError,
      endpoint,
      nextEndpoint: next,
    });
  }
  throw lastError;
}
