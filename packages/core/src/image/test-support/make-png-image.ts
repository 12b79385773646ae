// Builds complete PNG files for the data checks, so no binary fixture is committed: signature, IHDR, PLTE
// when the colour type needs it, pixel data in one or more IDAT chunks, IEND. The pixel data is a zlib stream
// of real scanlines (stored blocks unless a test passes its own stream), so any PNG decoder can read the file.
// The scanline layout is counted here pixel by pixel, independently of the code under test.

import { concatBytes } from "../../bytes/concat-bytes.js";
import { ADAM7_PASSES } from "../png-scanlines.js";
import { pngChunk } from "../write-png-chunk.js";
import { makeStoredZlib } from "./make-zlib.js";

export { pngChunk };

/** The picture to build; only `width` and `height` are required. */
export interface PngImageOptions {
  readonly width: number;
  readonly height: number;
  /** 0 grey, 2 RGB (default), 3 palette, 4 grey + alpha, 6 RGBA. */
  readonly colorType?: number;
  /** Default 8. */
  readonly bitDepth?: number;
  /** 1 for Adam7. */
  readonly interlace?: number;
  /** Splits the zlib stream over this many IDAT chunks (default 1). */
  readonly idatChunks?: number;
  /** Chunks written before the first IDAT, as [type, data]. */
  readonly before?: readonly (readonly [string, Uint8Array])[];
  /** Chunks written after the last IDAT, before IEND. */
  readonly after?: readonly (readonly [string, Uint8Array])[];
  /** The zlib stream to carry instead of the stored blocks of `makePngScanlines` (bombs, garbage, real compression). */
  readonly zlib?: Uint8Array;
  /** Leaves IEND out. */
  readonly omitIend?: boolean;
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** A PNG file with real pixel data. */
export function makePngImage(options: PngImageOptions): Uint8Array {
  const { width, height, colorType = 2, bitDepth = 8, interlace = 0 } = options;
  const zlib = options.zlib ?? makeStoredZlib(makePngScanlines(options));
  const parts: Uint8Array[] = [
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    pngChunk("IHDR", Uint8Array.from([...u32(width), ...u32(height), bitDepth, colorType, 0, 0, interlace])),
  ];
  if (colorType === 3) {
    const entries = Math.min(256, 2 ** bitDepth);
    parts.push(
      pngChunk(
        "PLTE",
        Uint8Array.from({ length: entries * 3 }, (_, k) => (k * 37) & 255),
      ),
    );
  }
  for (const [type, data] of options.before ?? []) parts.push(pngChunk(type, data));
  const chunks = options.idatChunks ?? 1;
  const step = Math.ceil(zlib.length / chunks);
  for (let k = 0; k < chunks; k++) parts.push(pngChunk("IDAT", zlib.subarray(k * step, (k + 1) * step)));
  for (const [type, data] of options.after ?? []) parts.push(pngChunk(type, data));
  if (!options.omitIend) parts.push(pngChunk("IEND", new Uint8Array(0)));
  return concatBytes(...parts);
}

/**
 * The scanlines of the picture, before compression: per row a filter type (cycling through all five, 0-4)
 * and the row's bytes (a deterministic pattern). For Adam7, the passes in order, each pass's pixels counted
 * one by one; a pass without pixels has no scanline.
 */
export function makePngScanlines(options: PngImageOptions): Uint8Array {
  const { width, height, colorType = 2, bitDepth = 8, interlace = 0 } = options;
  const bits = (CHANNELS[colorType] ?? 1) * bitDepth;
  const passes = interlace ? ADAM7_PASSES : [{ x0: 0, y0: 0, dx: 1, dy: 1 }];
  const rows: number[] = [];
  for (const pass of passes) {
    let columns = 0;
    for (let x = pass.x0; x < width; x += pass.dx) columns++;
    if (!columns) continue;
    for (let y = pass.y0; y < height; y += pass.dy) rows.push(Math.ceil((columns * bits) / 8));
  }
  const out = new Uint8Array(rows.reduce((sum, row) => sum + 1 + row, 0));
  let at = 0;
  for (const [r, row] of rows.entries()) {
    out[at] = r % 5;
    for (let k = 1; k <= row; k++) out[at + k] = (r * 31 + k * 7) & 255;
    at += 1 + row;
  }
  return out;
}

/** The byte offsets of a PNG's chunks, with their types, from its signature on. */
export function pngChunkOffsets(png: Uint8Array): { offset: number; type: string; length: number }[] {
  const found: { offset: number; type: string; length: number }[] = [];
  for (let offset = 8; offset + 12 <= png.length; ) {
    const length =
      ((png[offset]! << 24) | (png[offset + 1]! << 16) | (png[offset + 2]! << 8) | png[offset + 3]!) >>> 0;
    found.push({ offset, type: String.fromCharCode(...png.subarray(offset + 4, offset + 8)), length });
    offset += 12 + length;
  }
  return found;
}

function u32(v: number): number[] {
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}
