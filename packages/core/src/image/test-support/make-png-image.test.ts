import { expect, test } from "vitest";
import { crc32 } from "../../bytes/crc32.js";
import { makePngImage, makePngScanlines, pngChunkOffsets } from "./make-png-image.js";

test("writes signature, IHDR, PLTE for a palette, the IDAT chunks and IEND, each with its CRC", () => {
  const png = makePngImage({ width: 3, height: 2, colorType: 3, bitDepth: 2, idatChunks: 2 });
  const chunks = pngChunkOffsets(png);
  expect(chunks.map((chunk) => chunk.type)).toEqual(["IHDR", "PLTE", "IDAT", "IDAT", "IEND"]);
  expect(chunks[1]!.length).toBe(4 * 3);
  for (const { offset, length } of chunks) {
    const stored = new DataView(png.buffer).getUint32(offset + 8 + length);
    expect(stored).toBe(crc32(png, offset + 4, offset + 8 + length));
  }
  expect(chunks.at(-1)!.offset + 12).toBe(png.length);
});

test("scanlines: a filter type (0-4) then the row's bytes, per pass for Adam7", () => {
  // 3 pixels of 2 bits: one byte per row; 2 rows.
  const plain = makePngScanlines({ width: 3, height: 2, colorType: 0, bitDepth: 2 });
  expect(plain.length).toBe(2 * 2);
  expect([plain[0], plain[2]]).toEqual([0, 1]);
  // 2x2 RGB, Adam7: pass 1 holds (0,0), pass 6 (1,0), pass 7 the row y=1: 3 scanlines.
  const adam7 = makePngScanlines({ width: 2, height: 2, interlace: 1 });
  expect(adam7.length).toBe(1 + 3 + (1 + 3) + (1 + 6));
});
