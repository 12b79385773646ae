import { describe, expect, it } from "vitest";
import { downscaleLuminance, orientLuminance, rgbaToLuminance } from "./luminance-plane.js";

describe("rgbaToLuminance", () => {
  it("weights red, green and blue as BT.601 does", () => {
    const rgba = new Uint8Array([255, 255, 255, 255, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]);
    expect(Array.from(rgbaToLuminance(rgba, 4, 1).data)).toEqual([255, 76, 150, 29]);
  });
});

describe("orientLuminance", () => {
  // 3 wide, 2 high:  1 2 3 / 4 5 6
  const plane = { width: 3, height: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) };

  it.each([
    [1, 3, [1, 2, 3, 4, 5, 6]],
    [2, 3, [3, 2, 1, 6, 5, 4]],
    [3, 3, [6, 5, 4, 3, 2, 1]],
    [4, 3, [4, 5, 6, 1, 2, 3]],
    [5, 2, [1, 4, 2, 5, 3, 6]],
    [6, 2, [4, 1, 5, 2, 6, 3]],
    [7, 2, [6, 3, 5, 2, 4, 1]],
    [8, 2, [3, 6, 2, 5, 1, 4]],
  ])("orientation %i", (orientation, width, expected) => {
    const out = orientLuminance(plane, orientation);
    expect(out.width).toBe(width);
    expect(Array.from(out.data)).toEqual(expected);
  });
});

describe("downscaleLuminance", () => {
  it("averages blocks down to the shorter side", () => {
    const data = new Uint8Array(16).map((_, i) => (((i % 4) + Math.floor(i / 4)) % 2 ? 200 : 0));
    const out = downscaleLuminance({ width: 4, height: 4, data }, 2);
    expect(out.width).toBe(2);
    expect(out.height).toBe(2);
    expect(Array.from(out.data)).toEqual([100, 100, 100, 100]);
  });

  it("leaves a small plane alone", () => {
    const plane = { width: 2, height: 3, data: new Uint8Array(6) };
    expect(downscaleLuminance(plane, 480)).toBe(plane);
  });
});
