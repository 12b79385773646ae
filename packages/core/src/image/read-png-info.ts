import { type ImageHeaderProblem, type ImageInfo, toImageInfo } from "./image-info.js";
import { readUint32 } from "./read-uint.js";

// Signature (8), IHDR length (4), "IHDR" (4), its 13 data bytes and its CRC (4).
const HEADER_BYTES = 33;
const IHDR = 0x49484452;

/**
 * Reads width, height, bit depth and interlacing from a PNG's IHDR, the chunk that must come first.
 * The CRC is not verified. Sizes above 2^31 - 1 (forbidden by the PNG spec) or zero give "no_dimensions".
 */
export function readPngInfo(bytes: Uint8Array): ImageInfo | ImageHeaderProblem {
  if (bytes.length < HEADER_BYTES) return "truncated";
  if (readUint32(bytes, 8) !== 13 || readUint32(bytes, 12) !== IHDR) return "no_dimensions";
  // As signed 32-bit integers, sizes over 2^31 - 1 turn negative: one test refuses them and zero.
  const width = readUint32(bytes, 16) | 0;
  const height = readUint32(bytes, 20) | 0;
  if (width < 1 || height < 1) return "no_dimensions";
  return toImageInfo("png", width, height, 1, bytes[28] === 1, bytes[24]!);
}
