import { describe, expect, test } from "vitest";
import { laplacianVariance, meanLuma, measurePixels, type Pixels } from "./pixel-stats.js";

function image(width: number, height: number, paint: (x: number, y: number) => number): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = paint(x, y);
      data.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

describe("pixel measures", () => {
  test("mean luma of a flat grey is that grey, in a box or the whole image", () => {
    const grey = image(40, 40, () => 100);
    expect(meanLuma(grey)).toBeCloseTo(100);
    expect(meanLuma(grey, { x: 5, y: 5, width: 10, height: 10 })).toBeCloseTo(100);
  });

  test("luma weights green most (BT.601)", () => {
    const data = new Uint8ClampedArray(4 * 4 * 4);
    for (let i = 0; i < data.length; i += 4) data.set([0, 255, 0, 255], i);
    expect(meanLuma({ data, width: 4, height: 4 }, undefined, 1)).toBeCloseTo(0.587 * 255);
  });

  test("a flat image has no Laplacian; a checkerboard has a large one; blur lowers it", () => {
    const box = { x: 0, y: 0, width: 64, height: 64 };
    expect(
      laplacianVariance(
        image(64, 64, () => 128),
        box,
      ),
    ).toBe(0);
    const sharp = laplacianVariance(
      image(64, 64, (x, y) => (((x >> 1) + (y >> 1)) % 2 ? 255 : 0)),
      box,
    );
    const soft = laplacianVariance(
      image(64, 64, (x) => 128 + 100 * Math.sin(x / 6)),
      box,
    );
    expect(sharp).toBeGreaterThan(1000);
    expect(soft).toBeLessThan(sharp / 10);
  });

  test("a box outside the image measures nothing instead of throwing", () => {
    const grey = image(10, 10, () => 50);
    expect(meanLuma(grey, { x: 50, y: 50, width: 5, height: 5 })).toBe(0);
    expect(laplacianVariance(grey, { x: -20, y: -20, width: 5, height: 5 })).toBe(0);
  });

  test("measurePixels: the face's middle against the whole view", () => {
    // A bright face box in a dark view: backlight would be the opposite.
    const view = image(100, 100, (x, y) => (x >= 30 && x < 70 && y >= 30 && y < 70 ? 200 : 40));
    const stats = measurePixels(view, { x: 30, y: 30, width: 40, height: 40 });
    expect(stats.faceLuma).toBeCloseTo(200);
    expect(stats.viewLuma).toBeLessThan(stats.faceLuma);
  });
});
