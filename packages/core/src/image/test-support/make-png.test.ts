import { expect, test } from "vitest";
import { ascii } from "./make-jpeg.js";
import { makePng } from "./make-png.js";

// The generator must write what real PNGs hold, or the PNG tests prove nothing.
test("makePng writes signature, IHDR with its CRC, and IEND", () => {
  const bytes = makePng({ width: 1, height: 1, bitDepth: 8, colorType: 6 });
  // The first 33 bytes of the widely published smallest 1x1 RGBA PNG ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ...").
  expect([...bytes.subarray(0, 33)].map((b) => b.toString(16).padStart(2, "0")).join("")).toBe(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c489",
  );
  expect([...bytes.subarray(-12)]).toEqual([0, 0, 0, 0, ...ascii("IEND"), 0xae, 0x42, 0x60, 0x82]);
});
