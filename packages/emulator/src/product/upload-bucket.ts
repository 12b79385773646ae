import { isRegionId, type RegionId } from "@liveness-kit/core";

const BUCKET_PREFIX = "cloudauth-intl-emulator-";

/**
 * The bucket of file-stream uploads in a region. Alibaba's real bucket names are internal; this one only has
 * to be a valid DNS label that the emulator recognises at the start of a Host.
 */
export function uploadBucket(region: RegionId): string {
  return `${BUCKET_PREFIX}${region}`;
}

/**
 * The upload bucket named at the start of a Host (`<bucket>.<endpoint>`), or undefined when it names none of
 * the emulator's buckets (one per region).
 */
export function bucketOfHost(host: string | undefined): string | undefined {
  if (!host?.toLowerCase().startsWith(BUCKET_PREFIX)) return undefined;
  const dot = host.indexOf(".");
  const bucket = (dot === -1 ? host : host.slice(0, dot)).toLowerCase();
  return isRegionId(bucket.slice(BUCKET_PREFIX.length)) ? bucket : undefined;
}

/**
 * Reads `http(s)://{Bucket}.{Endpoint}/{ObjectKey}`, the FacePictureFile value the official SDK builds. Parsed
 * by hand: with an IP endpoint (`bucket.127.0.0.1:8790`) it is not a valid WHATWG URL.
 */
export function parseObjectUrl(value: string): { bucket: string; key: string } | undefined {
  const match = /^https?:\/\/([^/?#]+)\/([^?#]+)$/i.exec(value.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const bucket = bucketOfHost(match[1]);
  if (!bucket) return undefined;
  try {
    return { bucket, key: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}
