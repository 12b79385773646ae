import type { LivenessError } from "../errors/index.js";
import { type EndpointRetryPlan, retryOnEndpoint } from "./retry-on-endpoint.js";
import { isFailoverError, isRetryableError } from "./retry-policy.js";

/** What `sendWithRetries` needs: where to send, how to send one try, and when to stop. */
export interface RetryPlan<T> extends EndpointRetryPlan<T> {
  /** Endpoints in order: the first, then the fail-over ones. At least one. */
  readonly endpoints: readonly string[];
}

/**
 * Tries each endpoint with `retryOnEndpoint` (up to `1 + retries` times, full-jitter back-off, at least the
 * server's `retryAfterMs`), and moves to the next endpoint only when the last failure says the endpoint looks
 * down (network or 5xx). A failure that is not retryable (a business error) is thrown at once.
 */
export async function sendWithRetries<T>(plan: RetryPlan<T>): Promise<T> {
  const { endpoints } = plan;
  let tries = 0;
  // Counts the tries on the current endpoint, for the fail-over event.
  const counted = {
    ...plan,
    send: (endpoint: string) => {
      tries++;
      return plan.send(endpoint);
    },
  };
  for (let index = 0; ; index++) {
    const endpoint = endpoints[index]!;
    tries = 0;
    try {
      return await retryOnEndpoint(counted, endpoint);
    } catch (error) {
      const next = endpoints[index + 1];
      // Only retries spent on a region that looks down lead to the next one: throttling would follow the caller
      // there, and a failure that is not retryable (or the caller's abort) ends the call.
      const spent = !plan.signal?.aborted && isRetryableError(error) && isFailoverError(error);
      if (next === undefined || !spent) throw error;
      plan.onRetry?.({
        attempt: tries,
        delayMs: 0,
        error: error as LivenessError,
        endpoint,
        nextEndpoint: next,
      });
    }
  }
}
