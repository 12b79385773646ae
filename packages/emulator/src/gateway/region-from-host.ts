import { isRegionId, type RegionId } from "@liveness-kit/core";

const REGIONAL_HOST = /^cloudauth-intl(?:-vpc)?\.([a-z0-9-]+)\.aliyuncs\.com(?::\d+)?$/i;

/**
 * The region a request was sent to, read from its Host header (`cloudauth-intl.<region>.aliyuncs.com` or the
 * `-vpc` form) as Alibaba routes it; any other host (e.g. `127.0.0.1:8790`) gets the emulator's default region.
 */
export function regionFromHost(host: string | undefined, fallback: RegionId): RegionId {
  const match = host ? REGIONAL_HOST.exec(host.trim()) : null;
  const candidate = match?.[1]?.toLowerCase();
  return candidate && isRegionId(candidate) ? candidate : fallback;
}
