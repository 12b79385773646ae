import { concatBytes } from "../bytes/concat-bytes.js";
import type { ExifOrientation } from "./image-info.js";

/**
 * The JPEG with an EXIF APP1 segment holding one Orientation tag (0x0112) inserted right after its SOI marker,
 * big-endian ("MM"), as cameras write it. For pictures an app encodes itself (a canvas drops EXIF) that must
 * keep the camera's orientation, and for test pictures. The bytes after SOI are kept as they are, so give it a JPEG
 * without EXIF (one that has an orientation already would carry two).
 */
// @__NO_SIDE_EFFECTS__
export function withExifOrientation(jpeg: Uint8Array, orientation: ExifOrientation): Uint8Array<ArrayBuffer> {
  const tiff = [
    ...[0x4d, 0x4d, 0x00, 0x2a], // "MM", 42
    ...[0, 0, 0, 8], // IFD0 right after the header
    ...[0, 1], // one entry
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0], // Orientation, SHORT, one value
    ...[0, 0, 0, 0], // no next IFD
  ];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]; // "Exif\0\0"
  const length = payload.length + 2;
  const app1 = Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
  return concatBytes(jpeg.subarray(0, 2), app1, jpeg.subarray(2));
}
