import { deflateSync } from "node:zlib";
import { pngChunk, pngFile } from "@liveness-kit/core/png";

/**
 * Encodes RGBA pixels as an 8-bit truecolour PNG (colour type 2: alpha is dropped, as photos have none), each
 * scanline with the Sub filter, which suits photos' smooth gradients. Node's zlib (workerd has it too with
 * `nodejs_compat`); the chunks are core's.
 */
export function encodeRgbPng(image: { width: number; height: number; data: Uint8Array }): Uint8Array {
  const { width, height, data } = image;
  const rowBytes = 1 + width * 3;
  const raw = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    raw[row] = 1; // Sub: each byte minus the same channel of the pixel to its left
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        const value = data[(y * width + x) * 4 + c] ?? 0;
        const left = x ? (data[(y * width + x - 1) * 4 + c] ?? 0) : 0;
        raw[row + 1 + x * 3 + c] = (value - left) & 255;
      }
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8;
  header[9] = 2;
  return pngFile([
    pngChunk("IHDR", header),
    pngChunk("IDAT", new Uint8Array(deflateSync(raw))),
    pngChunk("IEND", new Uint8Array(0)),
  ]);
}
