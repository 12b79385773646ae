import type { RegionId } from "@liveness-kit/core/spec";
import type { ProxyConfig } from "../config/proxy-config.js";

/** The part of Cloudflare's `request.cf` that says where the caller is. */
export interface CallerLocation {
  country?: string;
  continent?: string;
}

// Nearest region first for callers in or near each region's country; everyone else starts in Singapore.
const NEAREST: Record<string, RegionId> = {
  ID: "ap-southeast-5",
  MY: "ap-southeast-3",
  BN: "ap-southeast-3",
  HK: "cn-hongkong",
  MO: "cn-hongkong",
  CN: "cn-hongkong",
  TW: "cn-hongkong",
  JP: "cn-hongkong",
  KR: "cn-hongkong",
  MN: "cn-hongkong",
};

/**
 * The regions to try, in order: the configured region (or, with `auto`, the one nearest the caller
 * among the fail-over regions), then the rest of the fail-over order.
 */
export function regionOrder(config: ProxyConfig, location: CallerLocation | undefined): RegionId[] {
  const first = config.region === "auto" ? nearestRegion(config.failover, location) : config.region;
  return [first, ...config.failover.filter((region) => region !== first)];
}

function nearestRegion(allowed: readonly RegionId[], location: CallerLocation | undefined): RegionId {
  const country = typeof location?.country === "string" ? location.country.toUpperCase() : "";
  const preferred = NEAREST[country] ?? "ap-southeast-1";
  if (allowed.includes(preferred)) return preferred;
  return allowed[0] ?? "ap-southeast-1";
}
