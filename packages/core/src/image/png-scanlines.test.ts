import { expect, test } from "vitest";
import { ADAM7_PASSES, pngDataSize, pngPasses, pngScanlines } from "./png-scanlines.js";
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

test("Adam7's passes cover every pixel of an 8x8 block exactly once, in the spec's pass order", () => {
  // The PNG spec's figure (section 8.2): the pass number of each pixel of the 8x8 block.
  const figure = [
    "16462646",
    "77777777",
    "56565656",
    "77777777",
    "36463646",
    "77777777",
    "56565656",
    "77777777",
  ];
  const seen = figure.map((line) => [...line].map(() => 0));
  ADAM7_PASSES.forEach(({ x0, y0, dx, dy }, pass) => {
    for (let y = y0; y < 8; y += dy) {
      for (let x = x0; x < 8; x += dx) {
        expect(figure[y]![x]).toBe(String(pass + 1));
        seen[y]![x]!++;
      }
    }
  });
  expect(seen.flat().every((count) => count === 1)).toBe(true);
});

test("pngPasses places each pass and skips the empty ones", () => {
  expect(pngPasses(png(3, 2, 0, 8))).toEqual([
    { x0: 0, y0: 0, dx: 1, dy: 1, columns: 3, rows: 2, rowBytes: 3 },
  ]);
  const passes = pngPasses(png(2, 1, 2, 8, true));
  expect(passes).toEqual([
    { x0: 0, y0: 0, dx: 8, dy: 8, columns: 1, rows: 1, rowBytes: 3 },
    { x0: 1, y0: 0, dx: 2, dy: 2, columns: 1, rows: 1, rowBytes: 3 },
  ]);
});
