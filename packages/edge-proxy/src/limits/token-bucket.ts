/** How a bucket fills: at most `capacity` tokens, `refillPerSecond` new tokens every second. */
export interface TokenBucketRule {
  capacity: number;
  refillPerSecond: number;
}

/** A bucket's level at a moment (milliseconds since the epoch). */
export interface TokenBucketState {
  tokens: number;
  updatedAt: number;
}

/** The outcome of one `takeToken`: the new state, and when refused how long until a token is there. */
export interface TokenBucketTake {
  state: TokenBucketState;
  allowed: boolean;
  retryAfterMs: number;
}

/** A full bucket at `now`: a fresh caller may use its whole burst. */
export function fullBucket(rule: TokenBucketRule, now: number): TokenBucketState {
  return { tokens: rule.capacity, updatedAt: now };
}

/**
 * Refills the bucket for the time since its last update, then takes `cost` tokens if they are there.
 * Pure: the caller keeps the returned state. A clock that goes backwards refills nothing.
 */
export function takeToken(
  state: TokenBucketState,
  rule: TokenBucketRule,
  now: number,
  cost = 1,
): TokenBucketTake {
  const elapsedMs = Math.max(0, now - state.updatedAt);
  const tokens = Math.min(rule.capacity, state.tokens + (elapsedMs * rule.refillPerSecond) / 1000);
  if (tokens >= cost) {
    return { state: { tokens: tokens - cost, updatedAt: now }, allowed: true, retryAfterMs: 0 };
  }
  const missing = cost - tokens;
  const retryAfterMs =
    rule.refillPerSecond > 0 ? Math.ceil((missing * 1000) / rule.refillPerSecond) : Number.POSITIVE_INFINITY;
  return { state: { tokens, updatedAt: now }, allowed: false, retryAfterMs };
}
