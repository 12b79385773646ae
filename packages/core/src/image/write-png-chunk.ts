import { concatBytes } from "../bytes/concat-bytes.js";
import { crc32 } from "../bytes/crc32.js";

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * One PNG chunk (PNG spec, section 5.3): the data's length (big-endian), the four-letter type, the data, and the
 * CRC-32 of type and data. For writers of PNG files, tests and tools; `type` is taken as ASCII.
 */
// @__NO_SIDE_EFFECTS__
export function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let k = 0; k < 4; k++) out[4 + k] = type.charCodeAt(k) & 255;
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** A PNG file: the 8-byte signature, then the chunks as given (IHDR first and IEND last are the caller's). */
// @__NO_SIDE_EFFECTS__
export function pngFile(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  return concatBytes(Uint8Array.from(SIGNATURE), ...chunks);
}
