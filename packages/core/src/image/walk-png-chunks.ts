import { crc32 } from "../bytes/crc32.js";
import { dataFault, type ImageDataFault } from "./image-data-problem.js";
import { readUint32 } from "./read-uint.js";

/** What the pixel data of a PNG must inflate to, and where that data is. */
export interface PngStructure {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  readonly colorType: number;
  /** Adam7. */
  readonly interlaced: boolean;
  /** The PLTE chunk's data (three bytes a colour), where there is one. */
  readonly palette?: Uint8Array;
  /** The data of the IDAT chunks, in order: together, one zlib stream. */
  readonly idat: readonly Uint8Array[];
  /** Where the PNG ends: the byte after IEND's CRC. */
  readonly end: number;
}

// Chunk types as big-endian numbers of their four ASCII letters.
const IHDR = 0x49484452;
const PLTE = 0x504c5445;
const IDAT = 0x49444154;
const IEND = 0x49454e44;
/** Samples per pixel and the allowed bit depths, by colour type (PNG spec, table 11.1). */
const COLOR_TYPES: Readonly<Record<number, readonly [channels: number, depths: readonly number[]]>> = {
  0: [1, [1, 2, 4, 8, 16]],
  2: [3, [8, 16]],
  3: [1, [1, 2, 4, 8]],
  4: [2, [8, 16]],
  6: [4, [8, 16]],
};

/** Samples per pixel of a PNG colour type (0 for an unknown type). */
// @__NO_SIDE_EFFECTS__
export function pngChannels(colorType: number): number {
  return COLOR_TYPES[colorType]?.[0] ?? 0;
}

/**
 * Walks a PNG's chunks after its 8-byte signature (which the caller has matched; PNG spec, sections 5 and
 * 11): every chunk's length in bounds, its type
 * four letters and its CRC-32 right; IHDR first and valid (size, colour type and bit depth, compression,
 * filter and interlace methods); PLTE where the colour type needs or allows it, before the image data; the
 * IDAT chunks consecutive, at least one; no unknown critical chunk; IEND, empty, last (bytes after it are
 * tolerated, as decoders stop there). Returns the IHDR facts and the IDAT data, or the first fault.
 * Linear in the file's size (one CRC pass), nothing is copied, never throws.
 */
// @__NO_SIDE_EFFECTS__
export function walkPngChunks(bytes: Uint8Array): PngStructure | ImageDataFault {
  const n = bytes.length;
  let header: Omit<PngStructure, "idat" | "end" | "palette"> | undefined;
  let palette: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  /** A non-IDAT chunk came after the IDAT chunks: another IDAT would not be consecutive. */
  let idatClosed = false;
  for (let offset = 8; ; ) {
    if (offset + 12 > n) return cutShort(n);
    const length = readUint32(bytes, offset);
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    if (length > 0x7fffffff) return malformed(`the chunk at byte ${offset} claims ${length} bytes`);
    if (dataEnd + 4 > n) return cutShort(n);
    if (!isChunkType(bytes, offset + 4)) return malformed(`the chunk at byte ${offset} has an invalid type`);
    const type = readUint32(bytes, offset + 4);
    if (crc32(bytes, offset + 4, dataEnd) !== readUint32(bytes, dataEnd)) {
      const known = type === IHDR || type === PLTE || type === IDAT || type === IEND;
      return dataFault(
        "bad_checksum",
        `The PNG's ${known ? `${nameOf(type)} ` : ""}chunk at byte ${offset} does not match its CRC-32: the file is damaged.`,
      );
    }
    if (type === IHDR) {
      if (header) return malformed(`it has a second IHDR chunk at byte ${offset}`);
      header = readHeader(bytes, dataStart, length);
      if (!header) return malformed("its IHDR chunk is invalid");
    } else if (!header) {
      return malformed("its first chunk is not IHDR");
    } else if (type === PLTE) {
      if (palette || idat.length || header.colorType === 0 || header.colorType === 4) {
        return malformed(`its PLTE chunk at byte ${offset} cannot stand there`);
      }
      if (!length || length % 3 || length > 768)
        return malformed(`its PLTE chunk at byte ${offset} is invalid`);
      palette = bytes.subarray(dataStart, dataEnd);
    } else if (type === IDAT) {
      if (idatClosed) return malformed(`its IDAT chunks are not consecutive (byte ${offset})`);
      if (header.colorType === 3 && !palette) return malformed("its palette (PLTE) is missing");
      idat.push(bytes.subarray(dataStart, dataEnd));
    } else if (type === IEND) {
      if (length) return malformed(`its IEND chunk at byte ${offset} is not empty`);
      if (!idat.length) return malformed("it has no image data (IDAT)");
      return palette ? { ...header, palette, idat, end: dataEnd + 4 } : { ...header, idat, end: dataEnd + 4 };
    } else {
      if (idat.length) idatClosed = true;
      // Bit 5 of the first letter clear (upper case): critical, and a decoder must refuse what it does not know.
      if (!(bytes[offset + 4]! & 0x20)) {
        return dataFault(
          "unsupported_encoding",
          `The PNG has an unknown critical chunk at byte ${offset}; decoders refuse it.`,
        );
      }
    }
    offset = dataEnd + 4;
  }
}

function readHeader(
  bytes: Uint8Array,
  at: number,
  length: number,
): Omit<PngStructure, "idat" | "end" | "palette"> | undefined {
  if (length !== 13) return undefined;
  const width = readUint32(bytes, at);
  const height = readUint32(bytes, at + 4);
  const bitDepth = bytes[at + 8]!;
  const colorType = bytes[at + 9]!;
  const interlace = bytes[at + 12]!;
  const valid =
    width >= 1 &&
    width <= 0x7fffffff &&
    height >= 1 &&
    height <= 0x7fffffff &&
    COLOR_TYPES[colorType]?.[1].includes(bitDepth) === true &&
    bytes[at + 10] === 0 &&
    bytes[at + 11] === 0 &&
    interlace <= 1;
  return valid ? { width, height, bitDepth, colorType, interlaced: interlace === 1 } : undefined;
}

/** Four ASCII letters (A-Z, a-z), as every chunk type is. */
function isChunkType(bytes: Uint8Array, at: number): boolean {
  for (let k = at; k < at + 4; k++) {
    const letter = bytes[k]! & ~0x20;
    if (letter < 0x41 || letter > 0x5a) return false;
  }
  return true;
}

function nameOf(type: number): string {
  return String.fromCharCode(type >>> 24, (type >>> 16) & 255, (type >>> 8) & 255, type & 255);
}

function malformed(what: string): ImageDataFault {
  return dataFault("corrupt_structure", `The PNG is malformed: ${what}.`);
}

function cutShort(n: number): ImageDataFault {
  return dataFault("truncated", `The PNG ends at byte ${n}, before its end chunk (IEND).`);
}
