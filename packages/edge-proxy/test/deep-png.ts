// A PNG with a flat picture of any size, colour type and bit depth, built in workerd (CompressionStream), for
// the checks that bound the work a PNG may ask for: a few KB of file can claim many MB of pixel data.
import { crc32 } from "@liveness-kit/core/bytes";

/** A PNG of `width` x `height` zero samples (`colorType` 2 RGB, 6 RGBA; `bitDepth` 8 or 16). */
export async function flatPng(
  width: number,
  height: number,
  colorType: 2 | 6,
  bitDepth: 8 | 16,
): Promise<Uint8Array> {
  const channels = colorType === 6 ? 4 : 3;
  const raw = new Uint8Array(height * (1 + (width * channels * bitDepth) / 8));
  const zlib = new Uint8Array(
    await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate"))).arrayBuffer(),
  );
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([bitDepth, colorType, 0, 0, 0], 8);
  return concat([
    Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk("IHDR", header),
    chunk("IDAT", zlib),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
