import {
  matchImageSignature,
  type PngPass,
  type PngStructure,
  pngChannels,
  pngDataSize,
  pngPasses,
  walkPngChunks,
} from "@liveness-kit/core/png";
import type { LuminancePlane } from "./luminance-plane.js";

/**
 * Decodes a PNG to its luminance with Web APIs only (`DecompressionStream`), so that it runs the same in Node
 * and in Workers (pngjs relies on Node's zlib classes in a way workerd does not support). Every colour type and
 * bit depth of the PNG spec, palettes and Adam7 interlacing are handled; alpha is ignored (luminance only).
 * The file's structure (chunks, CRCs, IHDR, PLTE) and its scanline layout are core's (`@liveness-kit/core/png`);
 * what is left here is inflating, unfiltering and turning pixels into luminance.
 *
 * Bounded on hostile input: chunk CRCs are checked, the dimensions must be within `maxPixels`, and the pixel
 * data is inflated as a stream and stopped at exactly the size the header implies (a deflate stream can expand
 * a thousand-fold). Resolves undefined for anything it cannot decode; never throws.
 */
export async function decodePng(bytes: Uint8Array, maxPixels: number): Promise<LuminancePlane | undefined> {
  try {
    if (matchImageSignature(bytes) !== "png") return undefined;
    const png = walkPngChunks(bytes);
    if (!("idat" in png) || png.width * png.height > maxPixels) return undefined;
    const passes = pngPasses(png);
    const data = await inflateExactly(png.idat, pngDataSize(passes));
    if (!data) return undefined;
    return toLuminance(png, passes, data);
  } catch {
    return undefined;
  }
}

// Inflates the zlib stream of the IDAT chunks; undefined when it holds more or less than `expected` bytes.
async function inflateExactly(
  parts: readonly Uint8Array[],
  expected: number,
): Promise<Uint8Array | undefined> {
  const output = new Uint8Array(expected);
  let filled = 0;
  const reader = new Blob(parts as unknown as BlobPart[])
    .stream()
    .pipeThrough(new DecompressionStream("deflate"))
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (filled + value.byteLength > expected) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    output.set(value, filled);
    filled += value.byteLength;
  }
  return filled === expected ? output : undefined;
}

function toLuminance(png: PngStructure, passes: PngPass[], data: Uint8Array): LuminancePlane | undefined {
  const out = new Uint8Array(png.width * png.height);
  const channels = pngChannels(png.colorType);
  const bytesPerPixel = Math.max(1, (channels * png.bitDepth) >> 3);
  let offset = 0;
  for (const pass of passes) {
    let previous = new Uint8Array(pass.rowBytes);
    for (let row = 0; row < pass.rows; row++) {
      const filter = data[offset] ?? 255;
      const line = data.slice(offset + 1, offset + 1 + pass.rowBytes);
      offset += 1 + pass.rowBytes;
      if (!unfilter(filter, line, previous, bytesPerPixel)) return undefined;
      const y = pass.y0 + row * pass.dy;
      for (let column = 0; column < pass.columns; column++) {
        out[y * png.width + pass.x0 + column * pass.dx] = pixelLuminance(png, channels, line, column);
      }
      previous = line;
    }
  }
  return { width: png.width, height: png.height, data: out };
}

// The five PNG filters (spec section 9), undone in place.
function unfilter(filter: number, line: Uint8Array, previous: Uint8Array, bpp: number): boolean {
  const n = line.length;
  switch (filter) {
    case 0:
      return true;
    case 1:
      for (let i = bpp; i < n; i++) line[i] = ((line[i] ?? 0) + (line[i - bpp] ?? 0)) & 255;
      return true;
    case 2:
      for (let i = 0; i < n; i++) line[i] = ((line[i] ?? 0) + (previous[i] ?? 0)) & 255;
      return true;
    case 3:
      for (let i = 0; i < n; i++) {
        const left = i >= bpp ? (line[i - bpp] ?? 0) : 0;
        line[i] = ((line[i] ?? 0) + ((left + (previous[i] ?? 0)) >> 1)) & 255;
      }
      return true;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? (line[i - bpp] ?? 0) : 0;
        const b = previous[i] ?? 0;
        const c = i >= bpp ? (previous[i - bpp] ?? 0) : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        const predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        line[i] = ((line[i] ?? 0) + predictor) & 255;
      }
      return true;
    default:
      return false;
  }
}

function pixelLuminance(png: PngStructure, channels: number, line: Uint8Array, column: number): number {
  const { bitDepth, colorType } = png;
  if (bitDepth < 8) {
    const perByte = 8 / bitDepth;
    const byte = line[Math.floor(column / perByte)] ?? 0;
    const shift = 8 - bitDepth * ((column % perByte) + 1);
    const value = (byte >> shift) & ((1 << bitDepth) - 1);
    return colorType === 3
      ? paletteLuminance(png.palette, value)
      : Math.round((value * 255) / ((1 << bitDepth) - 1));
  }
  const step = bitDepth >> 3;
  const start = column * channels * step;
  // 16-bit samples: the high byte is the 8-bit value.
  const sample = (channel: number) => line[start + channel * step] ?? 0;
  if (colorType === 3) return paletteLuminance(png.palette, sample(0));
  if (colorType === 0 || colorType === 4) return sample(0);
  return Math.round((299 * sample(0) + 587 * sample(1) + 114 * sample(2)) / 1000);
}

function paletteLuminance(palette: Uint8Array | undefined, index: number): number {
  const i = index * 3;
  if (!palette || i + 2 >= palette.length) return 0;
  return Math.round(
    (299 * (palette[i] ?? 0) + 587 * (palette[i + 1] ?? 0) + 114 * (palette[i + 2] ?? 0)) / 1000,
  );
}
