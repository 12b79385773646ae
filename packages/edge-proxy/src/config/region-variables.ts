import { isRegionId, REGION_IDS, REGIONS, type RegionId } from "@liveness-kit/core/spec";
import * as v from "valibot";
import type { TokenBucketRule } from "../limits/token-bucket.js";
import { commaSeparated, jsonOf } from "./text-variable.js";
import type { Problem } from "./variable.js";

/** `ALIBABA_REGION`: a fixed region, or `auto` (the region nearest the caller). */
export function parseRegion(text: string | undefined, problem: Problem): RegionId | "auto" {
  if (text === "auto" || isRegionId(text)) return text;
  problem(`expected "auto" or one of ${REGION_IDS.join(", ")}`);
  return "auto";
}

/** `ALIBABA_FAILOVER`: distinct regions, comma-separated, in the order they are tried. */
export function parseFailover(text: string | undefined, problem: Problem): RegionId[] {
  const regions = commaSeparated(text ?? "");
  const unknown = regions.filter((region) => !isRegionId(region));
  if (unknown.length > 0 || regions.length === 0 || new Set(regions).size !== regions.length) {
    problem(`expected distinct regions among ${REGION_IDS.join(", ")}`);
    return [...REGION_IDS];
  }
  return regions as RegionId[];
}

/** Alibaba's per-account QPS of each region (core's region table). */
export const ALIBABA_QPS = REGION_IDS.map((region) => REGIONS[region].qps).join("/");

/** A JSON object of region to something, checked entry by entry. */
export const RegionMapSchema = v.record(v.string(), v.unknown());

/** `REGION_QPS`: each region's token bucket, Alibaba's QPS unless the JSON object overrides it. */
export function parseRegionQps(
  text: string | undefined,
  problem: Problem,
): Record<RegionId, TokenBucketRule> {
  const rates = Object.fromEntries(
    REGION_IDS.map((region) => [
      region,
      { capacity: REGIONS[region].qps, refillPerSecond: REGIONS[region].qps },
    ]),
  ) as Record<RegionId, TokenBucketRule>;
  const overrides = jsonOf(text, problem);
  if (overrides === undefined) return rates;
  const parsed = v.safeParse(RegionMapSchema, overrides);
  if (!parsed.success) {
    problem("expected a JSON object of region to queries per second");
    return rates;
  }
  for (const [region, qps] of Object.entries(parsed.output)) {
    if (!isRegionId(region) || typeof qps !== "number" || !(qps > 0) || qps > 100_000) {
      problem(`"${region.slice(0, 32)}" needs a known region and a positive number`);
      continue;
    }
    if (qps < 2) {
      // Each caller gets half a region's burst (callerShare): a burst of 1 cannot be shared.
      problem(
        `"${region}" below 2 queries per second would let one caller take the whole region; give it at least 2`,
      );
      continue;
    }
    rates[region] = { capacity: Math.floor(qps), refillPerSecond: qps };
  }
  return rates;
}
