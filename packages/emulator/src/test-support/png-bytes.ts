import { deflateSync } from "node:zlib";
import { ADAM7_PASSES, pngChunk, pngFile } from "@liveness-kit/core/png";

/** Builds a PNG byte by byte, so tests can make what encoders refuse to: interlaced files, inflation bombs. */
export function buildPng(p: {
  width: number;
  height: number;
  /** PNG colour type (2 = RGB, 0 = grey). */
  colorType?: number;
  /** Bits per sample (default 8). */
  bitDepth?: number;
  interlace?: boolean;
  /** The data to deflate into IDAT (filtered scanlines). */
  raw: Uint8Array;
}): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, p.width);
  view.setUint32(4, p.height);
  header[8] = p.bitDepth ?? 8;
  header[9] = p.colorType ?? 2;
  header[12] = p.interlace ? 1 : 0;
  return pngFile([
    pngChunk("IHDR", header),
    pngChunk("IDAT", new Uint8Array(deflateSync(p.raw))),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}

/** The filtered scanlines (filter 0) of an interlaced RGB image of one grey value, pass by pass (Adam7). */
export function adam7Raw(width: number, height: number, grey: (x: number, y: number) => number): Uint8Array {
  const out: number[] = [];
  for (const { x0, y0, dx, dy } of ADAM7_PASSES) {
    for (let y = y0; y < height; y += dy) {
      if (x0 >= width) continue;
      out.push(0);
      for (let x = x0; x < width; x += dx) {
        const value = grey(x, y);
        out.push(value, value, value);
      }
    }
  }
  return new Uint8Array(out);
}
