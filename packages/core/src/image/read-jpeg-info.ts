import { type ExifOrientation, type ImageHeaderProblem, type ImageInfo, toImageInfo } from "./image-info.js";
import { readExifOrientation } from "./read-exif-orientation.js";
import { readUint16 } from "./read-uint.js";

// Real photos reach their SOF within a few dozen segments; a file that needs more is treated as hostile.
const MAX_SEGMENTS = 1024;

/**
 * Walks a JPEG's segments from SOI to the first SOF (frame header) and returns its width, height and precision,
 * with the orientation of an EXIF APP1 met on the way. Work is bounded (every step moves forward, at most
 * `MAX_SEGMENTS` segments), nothing is allocated from a length field, and bytes past the end are never read as data.
 */
export function readJpegInfo(bytes: Uint8Array): ImageInfo | ImageHeaderProblem {
  const n = bytes.length;
  let orientation: ExifOrientation | undefined;
  let i = 2; // after SOI
  for (let segment = 0; segment < MAX_SEGMENTS; segment++) {
    // Find the next marker: 0xFF, then a code that is neither a fill byte (0xFF) nor a stuffed zero.
    // Stray bytes before it are skipped, as libjpeg does.
    while (i < n && (bytes[i] !== 0xff || bytes[i + 1] === 0xff || bytes[i + 1] === 0)) i++;
    if (i + 1 >= n) return "truncated";
    const marker = bytes[i + 1]!;
    i += 2;
    // EOI or SOS (start of scan): the frame header should have come before.
    if (marker === 0xd9 || marker === 0xda) return "no_dimensions";
    // RST0-7, SOI and TEM stand alone, without a length.
    if ((marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) continue;
    if (i + 2 > n) return "truncated";
    const length = readUint16(bytes, i);
    if (length < 2) return "no_dimensions";
    // SOF0-SOF15 (C0-CF), except DHT (C4), JPG (C8) and DAC (CC), the three others whose code is a multiple of
    // 4: length, precision, height, width.
    if (marker >> 4 === 0xc && (marker & 3 || marker === 0xc0)) {
      if (i + 7 > n) return "truncated";
      const storedHeight = readUint16(bytes, i + 3);
      const storedWidth = readUint16(bytes, i + 5);
      // Height 0 means "given later by a DNL marker", which a header-only reader cannot use.
      if (!storedHeight || !storedWidth) return "no_dimensions";
      // SOF2, SOF6, SOF10 and SOF14 are the progressive ones.
      return toImageInfo(
        "jpeg",
        storedWidth,
        storedHeight,
        orientation ?? 1,
        (marker & 3) === 2,
        bytes[i + 2]!,
      );
    }
    if (marker === 0xe1) orientation ??= readExifOrientation(bytes, i + 2, Math.min(i + length, n));
    i += length;
  }
  return "no_dimensions";
}
