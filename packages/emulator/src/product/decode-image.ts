import type { ImageInfo } from "@liveness-kit/core";
import jpeg from "jpeg-js";
import { decodePng } from "./decode-png.js";
import { type LuminancePlane, orientLuminance, rgbaToLuminance } from "./luminance-plane.js";

/**
 * Bounds of the decoders: Alibaba's largest accepted image is 1080x1920 (2.07 MP), so 2.2 MP and 64 MB of
 * decoder memory are enough for any acceptable photo and stop a hostile one early.
 */
export const DECODE_LIMITS = { maxResolutionInMP: 2.2, maxMemoryUsageInMB: 64 } as const;

/**
 * Decodes an image whose header already passed the checks (format and resolution) into a luminance plane as
 * displayed (EXIF orientation applied): JPEG with jpeg-js (pure JS, bounded by {@link DECODE_LIMITS}), PNG with
 * the emulator's own Web-API decoder. Resolves undefined when the pixel data cannot be decoded within those
 * bounds, or disagrees with the header; never throws.
 */
export async function decodeImage(bytes: Uint8Array, info: ImageInfo): Promise<LuminancePlane | undefined> {
  let plane: LuminancePlane | undefined;
  if (info.format === "jpeg") {
    try {
      const image = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        tolerantDecoding: false,
        ...DECODE_LIMITS,
      });
      if (image.data.length >= image.width * image.height * 4) {
        plane = rgbaToLuminance(image.data, image.width, image.height);
      }
    } catch {
      return undefined;
    }
  } else {
    plane = await decodePng(bytes, DECODE_LIMITS.maxResolutionInMP * 1_000_000);
  }
  // The header promised these dimensions; data that disagrees is not the image that was checked.
  if (!plane || plane.width !== info.storedWidth || plane.height !== info.storedHeight) return undefined;
  return orientLuminance(plane, info.orientation);
}
