import type { ExifOrientation } from "./image-info.js";
import { readUint16, readUint32 } from "./read-uint.js";

/**
 * The orientation (tag 0x0112 of IFD0) in a JPEG APP1 segment's payload `bytes[start..end)`, which must begin
 * with `Exif\0\0` and a TIFF header in either byte order ("II" little-endian, "MM" big-endian). `undefined`
 * when the segment is not EXIF, is cut short, or holds no valid value (1-8). Every read is bounds-checked.
 */
export function readExifOrientation(
  bytes: Uint8Array,
  start: number,
  end: number,
): ExifOrientation | undefined {
  const tiff = start + 6;
  // "Exif\0\0", then "II" or "MM".
  if (
    tiff + 8 > end ||
    readUint32(bytes, start, false) !== 0x45786966 ||
    bytes[start + 4]! | bytes[start + 5]!
  ) {
    return undefined;
  }
  const order = bytes[tiff];
  const little = order === 0x49;
  if (
    (!little && order !== 0x4d) ||
    bytes[tiff + 1] !== order ||
    readUint16(bytes, tiff + 2, little) !== 42
  ) {
    return undefined;
  }
  const ifd = tiff + readUint32(bytes, tiff + 4, little);
  if (ifd + 2 > end) return undefined;
  // The entry count comes from the file: the loop also stops at the segment's end.
  const count = readUint16(bytes, ifd, little);
  for (let k = 0, entry = ifd + 2; k < count && entry + 12 <= end; k++, entry += 12) {
    if (readUint16(bytes, entry, little) === 0x0112) {
      const value = readUint16(bytes, entry + 8, little);
      return value >= 1 && value <= 8 ? (value as ExifOrientation) : undefined;
    }
  }
  return undefined;
}
