import { expect, test } from "vitest";
import { pngDataSize, pngScanlines } from "./png-scanlines.js";
import { makePngScanlines } from "./test-support/make-png-image.js";

const png = (width: number, height: number, colorType = 2, bitDepth = 8, interlaced = false) => ({
  width,
  height,
  colorType,
  bitDepth,
  interlaced,
});

test("a plain image: one run of rows, each as many bytes as its pixels' bits need", () => {
  expect(pngScanlines(png(480, 640))).toEqual([{ rows: 640, rowBytes: 1440 }]);
  expect(pngScanlines(png(5, 2, 0, 1))).toEqual([{ rows: 2, rowBytes: 1 }]);
  expect(pngScanlines(png(9, 2, 0, 4))).toEqual([{ rows: 2, rowBytes: 5 }]);
  expect(pngScanlines(png(3, 1, 6, 16))).toEqual([{ rows: 1, rowBytes: 24 }]);
  expect(pngDataSize(pngScanlines(png(480, 640)))).toBe(640 * (1 + 1440));
});

test("Adam7: an 8x8 image has seven passes of 1, 1, 2, 4, 8, 16 and 32 pixels", () => {
  const runs = pngScanlines(png(8, 8, 0, 8, true));
  expect(runs).toEqual([
    { rows: 1, rowBytes: 1 },
    { rows: 1, rowBytes: 1 },
    { rows: 1, rowBytes: 2 },
    { rows: 2, rowBytes: 2 },
    { rows: 2, rowBytes: 4 },
    { rows: 4, rowBytes: 4 },
    { rows: 4, rowBytes: 8 },
  ]);
  expect(runs.reduce((sum, run) => sum + run.rows * run.rowBytes, 0)).toBe(64);
});

test("Adam7: passes without pixels have no scanline (a 1x1 image is pass 1 alone)", () => {
  expect(pngScanlines(png(1, 1, 2, 8, true))).toEqual([{ rows: 1, rowBytes: 3 }]);
  expect(pngScanlines(png(2, 1, 0, 8, true))).toHaveLength(2);
});

test("agrees with the sizes the test generator counts pixel by pixel, for every layout", () => {
  for (const [colorType, depths] of [
    [0, [1, 2, 4, 8, 16]],
    [2, [8, 16]],
    [3, [1, 2, 4, 8]],
    [4, [8, 16]],
    [6, [8, 16]],
  ] as const) {
    for (const bitDepth of depths) {
      for (const interlace of [0, 1]) {
        for (const [width, height] of [
          [1, 1],
          [3, 5],
          [7, 2],
          [13, 17],
          [33, 9],
        ] as const) {
          const options = { width, height, colorType, bitDepth, interlace };
          expect(pngDataSize(pngScanlines({ ...options, interlaced: interlace === 1 }))).toBe(
            makePngScanlines(options).length,
          );
        }
      }
    }
  }
});
