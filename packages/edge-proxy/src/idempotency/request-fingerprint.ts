import { sha256Hex } from "@liveness-kit/core/sign";
import { pictureSha256 } from "../input/picture-sha256.js";
import type { Picture } from "../input/prepare-picture.js";

/** What identifies "the same request" for a `MerchantBizId`, independent of JSON versus multipart. */
export interface FingerprintInput {
  merchantUserId: string;
  faceQualityCheck: boolean;
  picture: Picture;
}

/**
 * The SHA-256 of the request's meaning: user, quality flag and the picture (the hash of its bytes, or
 * its URL). Two bodies with the same fingerprint are the same call; only this hash is stored.
 */
export async function requestFingerprint(input: FingerprintInput): Promise<string> {
  const picture =
    input.picture.mode === "url"
      ? `url:${input.picture.url}`
      : `sha256:${await pictureSha256(input.picture.bytes)}`;
  return sha256Hex(JSON.stringify([input.merchantUserId, input.faceQualityCheck, picture]));
}
