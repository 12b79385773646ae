import type { TokenBucketRule } from "./token-bucket.js";

/**
 * The part of a region's QPS bucket one caller may use: half its burst and half its rate, so that one
 * caller's burst always leaves tokens for the others. Undefined when the region is too small to share
 * (a burst of 1: whoever takes it takes the whole region); the configuration refuses such a region.
 */
export function callerShare(region: TokenBucketRule): TokenBucketRule | undefined {
  const capacity = Math.floor(region.capacity / 2);
  if (capacity < 1) return undefined;
  return { capacity, refillPerSecond: region.refillPerSecond / 2 };
}
