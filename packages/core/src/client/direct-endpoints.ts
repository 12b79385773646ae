import type { ValidationIssue } from "../errors/index.js";
import { isRegionId, type RegionId, regionHost } from "../spec/index.js";
import type { DirectClientOptions } from "./client-options.js";

/** The region used when none is given: Singapore, the first in `REGION_IDS`. */
export const DEFAULT_REGION: RegionId = "ap-southeast-1";

/**
 * The origins a direct client tries, in order: the `endpoint` alone when given (a host means https; an http
 * origin is allowed for the local emulator), else the region's host followed by the fail-over regions' hosts.
 * Adds a problem to `issues` for each bad option.
 */
export function resolveDirectEndpoints(options: DirectClientOptions, issues: ValidationIssue[]): string[] {
  const network = options.network ?? "public";
  if (network !== "public" && network !== "vpc") {
    issues.push({ field: "network", code: "invalid_value", message: 'must be "public" or "vpc"' });
  }
  const region = options.region ?? DEFAULT_REGION;
  if (!isRegionId(region)) {
    issues.push({ field: "region", code: "invalid_value", message: "must be one of REGION_IDS" });
  }
  const failover = options.failover ?? [];
  if (!Array.isArray(failover) || !failover.every(isRegionId)) {
    issues.push({ field: "failover", code: "invalid_value", message: "must be a list of REGION_IDS" });
  }
  if (options.endpoint !== undefined) {
    const origin = endpointOrigin(options.endpoint);
    if (origin === undefined) {
      issues.push({
        field: "endpoint",
        code: "invalid_format",
        message: "must be a host or an http(s) origin such as http://127.0.0.1:8790, without a path or query",
      });
    }
    return origin === undefined ? [] : [origin];
  }
  if (issues.length > 0) return [];
  const regions = [...new Set<RegionId>([region, ...failover])];
  return regions.map((id) => `https://${regionHost(id, network === "vpc" ? "vpc" : "public")}`);
}

function endpointOrigin(endpoint: unknown): string | undefined {
  if (typeof endpoint !== "string" || endpoint === "" || /\s/.test(endpoint)) return undefined;
  let url: URL;
  try {
    url = new URL(endpoint.includes("://") ? endpoint : `https://${endpoint}`);
  } catch {
    return undefined;
  }
  const bare =
    url.pathname === "/" &&
    url.search === "" &&
    url.hash === "" &&
    url.username === "" &&
    url.password === "";
  const httpish = url.protocol === "https:" || url.protocol === "http:";
  return bare && httpish && url.host !== "" && !endpoint.endsWith("?") && !endpoint.endsWith("#")
    ? url.origin
    : undefined;
}
