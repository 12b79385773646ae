import { deflateSync } from "node:zlib";
import { concatBytes } from "@liveness-kit/core/bytes";
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

/** Inserts an EXIF APP1 segment with one Orientation tag right after a JPEG's SOI marker. */
export function withExifOrientation(jpegBytes: Uint8Array, orientation: number): Uint8Array {
  const tiff = [
    0x4d,
    0x4d,
    0,
    0x2a,
    0,
    0,
    0,
    8,
    0,
    1,
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    0,
    orientation,
    0,
    0,
    0,
    0,
    0,
    0,
  ];
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  const segment = new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...payload]);
  return concatBytes(jpegBytes.subarray(0, 2), segment, jpegBytes.subarray(2));
}
