import type { RegionId } from "@liveness-kit/core/spec";
import type { ProxyConfig } from "../config/proxy-config.js";
import type { RateLimitDecision } from "../durable-objects/rate-limit-object.js";
import type { ProxyEnv } from "../env.js";

/**
 * Takes one token from the region's bucket, set at Alibaba's per-account QPS for the region (10 or 3,
 * or `REGION_QPS`), so the proxy itself never makes Alibaba throttle the account. One bucket per region
 * for the whole account, whatever the endpoint.
 */
export async function takeRegionToken(
  env: ProxyEnv,
  config: ProxyConfig,
  region: RegionId,
): Promise<RateLimitDecision> {
  const bucket = env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName(`region:${region}`));
  return bucket.take(config.regionRates[region]);
}
