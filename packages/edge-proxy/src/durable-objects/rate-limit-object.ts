import { DurableObject } from "cloudflare:workers";
import type { ProxyEnv } from "../env.js";
import {
  fullBucket,
  type TokenBucketRule,
  type TokenBucketState,
  takeToken,
} from "../limits/token-bucket.js";

/** What `RateLimitObject.take` answers. */
export interface RateLimitDecision {
  allowed: boolean;
  retryAfterMs: number;
}

/**
 * One token bucket (one per caller, one per Alibaba region), named by its key. The level lives in
 * memory only: a bucket evicted after being idle would have refilled anyway, and a write per request
 * would cost more than it protects.
 */
export class RateLimitObject extends DurableObject<ProxyEnv> {
  #state: TokenBucketState | undefined;

  /** Takes one token under `rule` (the caller passes the rule so configuration changes apply at once). */
  take(rule: TokenBucketRule): RateLimitDecision {
    const now = Date.now();
    const take = takeToken(this.#state ?? fullBucket(rule, now), rule, now);
    this.#state = take.state;
    // A bucket that never refills answers "an hour", not Infinity, so Retry-After stays a number.
    return { allowed: take.allowed, retryAfterMs: Math.min(take.retryAfterMs, 3_600_000) };
  }
}
