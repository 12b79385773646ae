import { AUTHORIZE_FILE_UPLOAD, type RegionId, regionHost } from "@liveness-kit/core/spec";
import type { ProxyConfig } from "../config/proxy-config.js";

/**
 * The base URL (origin) of FaceLivenessV2 for `region`: the configured stand-in (the emulator) or
 * Alibaba's public host of the region.
 */
export function faceLivenessOrigin(config: ProxyConfig, region: RegionId): string {
  return config.endpoints[region] ?? `https://${regionHost(region, "public")}`;
}

/**
 * The base URL of AuthorizeFileUpload for `region`: OpenPlatform (one host for every region; the
 * region goes in `RegionId`) or the stand-in, which answers every action on one origin.
 */
export function authorizeUploadOrigin(config: ProxyConfig, region: RegionId): string {
  return config.endpoints[region] ?? `https://${AUTHORIZE_FILE_UPLOAD.host}`;
}

/**
 * Where the OSS PostObject goes: `https://{Bucket}.{Endpoint}/` at Alibaba, or the stand-in's
 * `/__oss/{Bucket}/` (loopback has no bucket sub-domains).
 */
export function ossPostUrl(config: ProxyConfig, region: RegionId, bucket: string, endpoint: string): string {
  const standIn = config.endpoints[region];
  return standIn !== undefined
    ? `${standIn}/__oss/${encodeURIComponent(bucket)}/`
    : `https://${bucket}.${endpoint}/`;
}

/**
 * The `FacePictureFile` value after an upload, as the official SDK writes it:
 * `http://{Bucket}.{Endpoint}/{ObjectKey}`. A stand-in on loopback answers an IP endpoint, and
 * `<bucket>.127.0.0.1` is no valid URL (core refuses it), so there the IP is written as `localhost`,
 * which names the same loopback host; the stand-in reads the bucket and the key, not the host.
 */
export function facePictureFileUrl(
  config: ProxyConfig,
  region: RegionId,
  upload: { bucket: string; endpoint: string; objectKey: string },
): string {
  let endpoint = upload.endpoint;
  if (config.endpoints[region] !== undefined) {
    endpoint = endpoint.replace(/^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(?=:\d+$|$)/i, "localhost");
  }
  return `http://${upload.bucket}.${endpoint}/${upload.objectKey}`;
}
