import type { LuminancePlane } from "./luminance-plane.js";

/**
 * Decodes a PNG to its luminance with Web APIs only (`DecompressionStream`), so that it runs the same in Node
 * and in Workers (pngjs relies on Node's zlib classes in a way workerd does not support). Every colour type and
 * bit depth of the PNG spec, palettes and Adam7 interlacing are handled; alpha is ignored (luminance only).
 *
 * Bounded on hostile input: chunk CRCs are checked, the dimensions must be within `maxPixels`, and the pixel
 * data is inflated as a stream and stopped at exactly the size the header implies (a deflate stream can expand
 * a thousand-fold). Resolves undefined for anything it cannot decode; never throws.
 */
export async function decodePng(bytes: Uint8Array, maxPixels: number): Promise<LuminancePlane | undefined> {
  try {
    const png = readChunks(bytes);
    if (!png || png.width * png.height > maxPixels) return undefined;
    const passes = passLayout(png);
    const expected = passes.reduce((sum, pass) => sum + pass.height * (1 + pass.rowBytes), 0);
    const data = await inflateExactly(png.idat, expected);
    if (!data) return undefined;
    return toLuminance(png, passes, data);
  } catch {
    return undefined;
  }
}

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
  channels: number;
  palette?: Uint8Array;
  idat: Uint8Array[];
}

interface Pass {
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  width: number;
  height: number;
  rowBytes: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function readChunks(bytes: Uint8Array): PngHeader | undefined {
  if (bytes.length < 8 || SIGNATURE.some((byte, i) => bytes[i] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Omit<PngHeader, "idat"> | undefined;
  const idat: Uint8Array[] = [];
  let offset = 8;
  let ended = false;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const end = offset + 8 + length;
    if (end + 4 > bytes.length) return undefined;
    if (crc32(bytes.subarray(offset + 4, end)) !== view.getUint32(end)) return undefined;
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, end);
    if (type === "IHDR") {
      if (length !== 13) return undefined;
      const colorType = data[9] ?? -1;
      const bitDepth = data[8] ?? 0;
      const channels = CHANNELS[colorType];
      if (channels === undefined || !DEPTHS[colorType]?.includes(bitDepth)) return undefined;
      if (data[10] !== 0 || data[11] !== 0 || (data[12] !== 0 && data[12] !== 1)) return undefined;
      header = {
        width: view.getUint32(offset + 8),
        height: view.getUint32(offset + 12),
        bitDepth,
        colorType,
        interlaced: data[12] === 1,
        channels,
      };
      if (header.width === 0 || header.height === 0) return undefined;
    } else if (type === "PLTE" && header) {
      header.palette = data;
    } else if (type === "IDAT") {
      idat.push(data);
    } else if (type === "IEND") {
      ended = true;
      break;
    }
    offset = end + 4;
  }
  if (!header || !ended || idat.length === 0) return undefined;
  if (header.colorType === 3 && (!header.palette || header.palette.length % 3 !== 0)) return undefined;
  return { ...header, idat };
}

function passLayout(png: PngHeader): Pass[] {
  const bitsPerPixel = png.channels * png.bitDepth;
  const layout = png.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  return layout.map(([x0, y0, dx, dy]) => {
    const width = Math.max(0, Math.ceil((png.width - x0) / dx));
    const height = width === 0 ? 0 : Math.max(0, Math.ceil((png.height - y0) / dy));
    return { x0, y0, dx, dy, width, height, rowBytes: Math.ceil((width * bitsPerPixel) / 8) };
  });
}

// Inflates the zlib stream of the IDAT chunks; undefined when it holds more or less than `expected` bytes.
async function inflateExactly(parts: Uint8Array[], expected: number): Promise<Uint8Array | undefined> {
  const output = new Uint8Array(expected);
  let filled = 0;
  const reader = new Blob(parts as BlobPart[])
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

function toLuminance(png: PngHeader, passes: Pass[], data: Uint8Array): LuminancePlane | undefined {
  const out = new Uint8Array(png.width * png.height);
  const bytesPerPixel = Math.max(1, (png.channels * png.bitDepth) >> 3);
  let offset = 0;
  for (const pass of passes) {
    if (pass.width === 0 || pass.height === 0) continue;
    let previous = new Uint8Array(pass.rowBytes);
    for (let row = 0; row < pass.height; row++) {
      const filter = data[offset] ?? 255;
      const line = data.slice(offset + 1, offset + 1 + pass.rowBytes);
      offset += 1 + pass.rowBytes;
      if (!unfilter(filter, line, previous, bytesPerPixel)) return undefined;
      const y = pass.y0 + row * pass.dy;
      for (let column = 0; column < pass.width; column++) {
        out[y * png.width + pass.x0 + column * pass.dx] = pixelLuminance(png, line, column);
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

function pixelLuminance(png: PngHeader, line: Uint8Array, column: number): number {
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
  const start = column * png.channels * step;
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

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 255] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
