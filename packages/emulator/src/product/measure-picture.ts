import type { ImageInfo } from "@liveness-kit/core";
import { decodeImage } from "./decode-image.js";
import type { PictureMeasurement } from "./measurement-cache.js";
import { measureFace } from "./quality.js";

/** Measures a picture whose header passed the checks; how {@link measurePicture} can be swapped (tests, cache). */
export type MeasurePicture = (bytes: Uint8Array, info: ImageInfo) => Promise<PictureMeasurement>;

/**
 * Decodes a picture (its header already checked, `info` read from it) and measures it: the CPU-heavy part of a
 * call (for a 480x640 JPEG, about five sixths of the emulator's CPU time per call, nearly all of it in jpeg-js). Resolves undefined when the
 * pixel data cannot be decoded. A pure function of the bytes.
 */
export async function measurePicture(bytes: Uint8Array, info: ImageInfo): Promise<PictureMeasurement> {
  const plane = await decodeImage(bytes, info);
  return plane ? measureFace(plane) : undefined;
}
