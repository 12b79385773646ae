import { expect, test } from "vitest";
import { walkPngChunks } from "./walk-png-chunks.js";
import { pngChunk, pngFile } from "./write-png-chunk.js";

test("writes IEND as every PNG ends: length 0, the type, CRC AE 42 60 82", () => {
  expect([...pngChunk("IEND", new Uint8Array(0))]).toEqual([
    0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  ]);
});

test("writes the IHDR of the widely published 1x1 RGBA PNG byte for byte", () => {
  const header = Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0);
  // "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ": the signature, then IHDR with its CRC 1F 15 C4 89.
  const expected = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"), (c) =>
    c.charCodeAt(0),
  );
  expect(pngFile([pngChunk("IHDR", header)])).toEqual(expected.subarray(0, 33));
});

test("a file of written chunks passes the chunk walk", () => {
  const header = Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0);
  const idat = Uint8Array.of(0x78, 0x01, 1, 2, 0, 0xfd, 0xff, 0, 0, 0, 1, 0, 1);
  const walked = walkPngChunks(
    pngFile([pngChunk("IHDR", header), pngChunk("IDAT", idat), pngChunk("IEND", new Uint8Array(0))]),
  );
  expect(walked).toMatchObject({ width: 1, height: 1, colorType: 0, idat: [idat] });
});
