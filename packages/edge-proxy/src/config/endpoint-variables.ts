import { isRegionId, REGION_IDS, type RegionId } from "@liveness-kit/core/spec";
import * as v from "valibot";
import { RegionMapSchema } from "./region-variables.js";
import { jsonOf } from "./text-variable.js";
import type { Problem } from "./variable.js";

/** Base URL per region; a region left out is called on Alibaba's real public host. */
export type UpstreamEndpoints = Partial<Record<RegionId, string>>;

/** `UPSTREAM_ENDPOINT`: one bare http(s) origin for every region (the emulator's, say). */
export function parseUpstreamEndpoint(text: string | undefined, problem: Problem): string | undefined {
  return text === undefined ? undefined : baseUrl(text, problem);
}

/** `UPSTREAM_ENDPOINTS`: a JSON object of region to bare origin. */
export function parseUpstreamEndpoints(text: string | undefined, problem: Problem): UpstreamEndpoints {
  const map: UpstreamEndpoints = {};
  const perRegion = jsonOf(text, problem);
  if (perRegion === undefined) return map;
  const parsed = v.safeParse(RegionMapSchema, perRegion);
  if (!parsed.success) problem("expected a JSON object of region to URL");
  for (const [region, url] of Object.entries(parsed.success ? parsed.output : {})) {
    if (!isRegionId(region) || typeof url !== "string") {
      problem(`"${region.slice(0, 32)}" needs a known region and a URL`);
      continue;
    }
    const base = baseUrl(url, problem);
    if (base !== undefined) map[region] = base;
  }
  return map;
}

/** The endpoint of each region: `UPSTREAM_ENDPOINTS` wins over `UPSTREAM_ENDPOINT`. */
export function upstreamEndpoints(
  single: string | undefined,
  perRegion: UpstreamEndpoints,
): UpstreamEndpoints {
  const map: UpstreamEndpoints = {};
  if (single !== undefined) for (const region of REGION_IDS) map[region] = single;
  return { ...map, ...perRegion };
}

function baseUrl(text: string, problem: Problem): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problem("not a URL");
    return undefined;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) {
    problem("expected an http(s) URL without credentials");
    return undefined;
  }
  if (url.pathname !== "/" || url.search || url.hash) {
    problem("expected a bare origin such as http://127.0.0.1:8790");
    return undefined;
  }
  return url.origin;
}
