import { sha256Hex } from "@liveness-kit/core/sign";
import { pictureSha256 } from "../input/picture-sha256.js";
import type { Picture } from "../input/prepare-picture.js";

/**
 * What a receipt says about the picture, never the picture itself: the hex SHA-256 of the bytes the proxy
 * sends or uploads (`imageSha256`), or, in URL mode, where it never holds the bytes, of the URL
 * (`imageUrlSha256`). The app's server can compare either with the picture it has.
 */
export async function pictureDigest(
  picture: Picture,
): Promise<{ imageSha256: string } | { imageUrlSha256: string }> {
  return picture.mode === "url"
    ? { imageUrlSha256: await sha256Hex(picture.url) }
    : { imageSha256: await pictureSha256(picture.bytes) };
}
