// Builds PNG headers for the tests, so no binary fixture is committed: the signature, an IHDR chunk with its
// CRC, and IEND. There is no IDAT: the code under test reads headers only.

import { crc32 } from "../../bytes/crc32.js";
import { ascii } from "./make-jpeg.js";

/** How to build the PNG; only `width` and `height` are required. */
export interface PngOptions {
  readonly width: number;
  readonly height: number;
  readonly bitDepth?: number;
  /** 0 gray, 2 RGB (default), 6 RGBA, ... */
  readonly colorType?: number;
  /** 1 for Adam7. */
  readonly interlace?: number;
  /** The first chunk's type, "IHDR" unless a test wants another. */
  readonly firstChunk?: string;
}

/** A PNG file: signature, IHDR (13 data bytes and CRC) and IEND. */
export function makePng(options: PngOptions): Uint8Array {
  const { width, height, bitDepth = 8, colorType = 2, interlace = 0 } = options;
  const ihdr = [...u32(width), ...u32(height), bitDepth, colorType, 0, 0, interlace];
  return Uint8Array.from([
    ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    ...chunk(options.firstChunk ?? "IHDR", ihdr),
    ...chunk("IEND", []),
  ]);
}

function chunk(type: string, data: number[]): number[] {
  const body = [...ascii(type), ...data];
  return [...u32(data.length), ...body, ...u32(crc32(Uint8Array.from(body)))];
}

function u32(v: number): number[] {
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}
