import type { RegionId } from "@liveness-kit/core/spec";
import type { ProxyConfig } from "../config/proxy-config.js";
import type { RateLimitDecision } from "../durable-objects/rate-limit-object.js";
import type { ProxyEnv } from "../env.js";
import { callerShare } from "./caller-share.js";

/**
 * Takes one token from the region's bucket, set at Alibaba's per-account QPS for the region (10 or 3,
 * or `REGION_QPS`), so the proxy itself never makes Alibaba throttle the account. One bucket per region
 * for the whole account, whatever the endpoint. First the caller's own share of that region must have a
 * token (`callerShare`: half of it), so one caller can never empty a region for the others.
 */
export async function takeRegionToken(
  env: ProxyEnv,
  config: ProxyConfig,
  region: RegionId,
  callerId: string,
): Promise<RateLimitDecision> {
  const rule = config.regionRates[region];
  const share = callerShare(rule);
  if (share !== undefined) {
    const mine = env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName(`region:${region}|caller:${callerId}`));
    const decision = await mine.take(share);
    if (!decision.allowed) return decision;
  }
  const bucket = env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName(`region:${region}`));
  return bucket.take(rule);
}
