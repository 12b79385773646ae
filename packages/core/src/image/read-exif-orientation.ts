import type { ExifOrientation } from "./image-info.js";
import { readUint16, readUint32 } from "./read-uint.js";

/**
 * The orientation (tag 0x0112 of IFD0) in a JPEG APP1 segment's payload `bytes[start..end)`, which must begin
 * with `Exif\0\0` and a TIFF header in either byte order ("II" little-endian, "MM" big-endian). `undefined`
 * when the segment is not EXIF, is cut short, or holds no valid value (1-8). No entry past `end` is read.
 */
export function readExifOrientation(
  bytes: Uint8Array,
  start: number,
  end: number,
): ExifOrientation | undefined {
  const tiff = start + 6;
  // "Exif\0\0", then the TIFF header: "II" and 42 little-endian, or "MM" and 42 big-endian.
  if (tiff + 8 > end || readUint32(bytes, start) !== 0x45786966 || readUint16(bytes, start + 4))
    return undefined;
  const mark = readUint32(bytes, tiff);
  const little = mark === 0x49492a00;
  if (!little && mark !== 0x4d4d002a) return undefined;
  const ifd = tiff + readUint32(bytes, tiff + 4, little);
  // The entry count comes from the file: the loop also stops at the segment's end (at once when the count
  // itself lies past it).
  const count = readUint16(bytes, ifd, little);
  for (let k = 0, entry = ifd + 2; k < count && entry + 12 <= end; k++, entry += 12) {
    if (readUint16(bytes, entry, little) === 0x0112) {
      const value = readUint16(bytes, entry + 8, little);
      return value >= 1 && value <= 8 ? (value as ExifOrientation) : undefined;
    }
  }
  return undefined;
}
