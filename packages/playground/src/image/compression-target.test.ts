import { describe, expect, test } from "vitest";
import { compressionTarget, scaledSize } from "./compression-target.js";

describe("compressionTarget", () => {
  test("a 12 MP portrait (3000x4000) becomes 720x960", () => {
    expect(compressionTarget(3000, 4000)).toEqual({
      maxWidthOrHeight: 960,
      width: 720,
      height: 960,
      resized: true,
    });
  });

  test("a phone portrait (3024x4032) and a 9:16 portrait (1080x1920) get a 720 px shorter side", () => {
    expect(compressionTarget(3024, 4032)).toMatchObject({ width: 720, height: 960 });
    expect(compressionTarget(1080, 1920)).toMatchObject({ width: 720, height: 1280, maxWidthOrHeight: 1280 });
  });

  test("a landscape image keeps its orientation (the preflight flags it, compression does not rotate)", () => {
    expect(compressionTarget(4000, 3000)).toMatchObject({ width: 960, height: 720 });
  });

  test("an image whose shorter side is already at most 720 px is not resized (the library never upscales)", () => {
    expect(compressionTarget(360, 480)).toEqual({
      maxWidthOrHeight: 480,
      width: 360,
      height: 480,
      resized: false,
    });
    expect(compressionTarget(720, 1000)).toMatchObject({ resized: false, width: 720, height: 1000 });
  });

  test("awkward aspect ratios still land on exactly 720 px after the library truncates", () => {
    for (const [w, h] of [
      [1001, 1999],
      [777, 1333],
      [2999, 4001],
      [1234, 1235],
      [4001, 2999],
      [1500, 1500],
    ] as const) {
      const t = compressionTarget(w, h);
      const out = scaledSize(w, h, t.maxWidthOrHeight);
      expect(Math.min(out.width, out.height), `${w}x${h}`).toBe(720);
      expect(out).toEqual({ width: t.width, height: t.height });
      // The bound is the smallest that works: one less would give a shorter side under 720.
      const smaller = scaledSize(w, h, t.maxWidthOrHeight - 1);
      expect(Math.min(smaller.width, smaller.height), `${w}x${h}`).toBeLessThan(720);
    }
  });

  test("a very tall image is capped at the API's maximum height of 1920 px", () => {
    expect(compressionTarget(1000, 4000)).toEqual({
      maxWidthOrHeight: 1920,
      width: 480,
      height: 1920,
      resized: true,
    });
  });

  test("nonsense dimensions are refused with a RangeError", () => {
    expect(() => compressionTarget(0, 100)).toThrow(RangeError);
    expect(() => compressionTarget(Number.NaN, 100)).toThrow(RangeError);
  });
});
