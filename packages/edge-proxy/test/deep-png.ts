// A PNG with a flat picture of any size, colour type and bit depth, built in workerd (CompressionStream), for
// the checks that bound the work a PNG may ask for: a few KB of file can claim many MB of pixel data.
import { pngChunk, pngFile } from "@liveness-kit/core/png";

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
  return pngFile([pngChunk("IHDR", header), pngChunk("IDAT", zlib), pngChunk("IEND", new Uint8Array(0))]);
}
