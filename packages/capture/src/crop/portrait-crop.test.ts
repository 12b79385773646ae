import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { centredPortrait, FACE_FILL, OUTPUT_HEIGHT, OUTPUT_WIDTH, portraitCrop } from "./portrait-crop.js";

describe("portraitCrop", () => {
  test("a face in the middle of a large frame: 3:4, the face fills 75% of the width, centred", () => {
    const crop = portraitCrop({ width: 1280, height: 960 }, { x: 490, y: 330, width: 300, height: 300 });
    expect(crop.sw).toBeCloseTo(300 / FACE_FILL);
    expect(crop.sh / crop.sw).toBeCloseTo(4 / 3);
    expect(crop.sx + crop.sw / 2).toBeCloseTo(640);
    expect(crop.sy + crop.sh / 2).toBeCloseTo(480);
    expect([crop.width, crop.height]).toEqual([OUTPUT_WIDTH, OUTPUT_HEIGHT]);
  });

  test("the output is the API's portrait: 720 on the shorter side, taller than wide", () => {
    const crop = portraitCrop({ width: 640, height: 480 }, { x: 200, y: 100, width: 200, height: 220 });
    expect(Math.min(crop.width, crop.height)).toBe(720);
    expect(crop.height).toBeGreaterThan(crop.width);
  });

  test("a face near an edge: the crop is pushed back inside the frame", () => {
    const crop = portraitCrop({ width: 720, height: 960 }, { x: 0, y: 0, width: 300, height: 300 });
    expect(crop.sx).toBe(0);
    expect(crop.sy).toBe(0);
  });

  test("a face too large for the frame: the crop is the largest 3:4 the frame holds", () => {
    const crop = portraitCrop({ width: 640, height: 480 }, { x: 100, y: 0, width: 460, height: 470 });
    expect(crop.sh).toBeCloseTo(480);
    expect(crop.sw).toBeCloseTo(360);
  });

  test("for any frame and any face inside it, the crop stays inside the frame, is 3:4 and holds the face's centre", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 4000 }),
        fc.integer({ min: 200, max: 4000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        (width, height, fx, fy, fsize) => {
          const size = fsize * Math.min(width, height);
          const face = { x: fx * (width - size), y: fy * (height - size), width: size, height: size };
          const crop = portraitCrop({ width, height }, face);
          const eps = 1e-6;
          expect(crop.sx).toBeGreaterThanOrEqual(-eps);
          expect(crop.sy).toBeGreaterThanOrEqual(-eps);
          expect(crop.sx + crop.sw).toBeLessThanOrEqual(width + eps);
          expect(crop.sy + crop.sh).toBeLessThanOrEqual(height + eps);
          expect(crop.sh / crop.sw).toBeCloseTo(4 / 3);
          const cx = face.x + size / 2;
          const cy = face.y + size / 2;
          expect(cx).toBeGreaterThanOrEqual(crop.sx - eps);
          expect(cx).toBeLessThanOrEqual(crop.sx + crop.sw + eps);
          expect(cy).toBeGreaterThanOrEqual(crop.sy - eps);
          expect(cy).toBeLessThanOrEqual(crop.sy + crop.sh + eps);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("centredPortrait", () => {
  test("landscape webcam: the middle 3:4 strip", () => {
    expect(centredPortrait({ width: 640, height: 480 })).toEqual({ x: 140, y: 0, width: 360, height: 480 });
  });
  test("portrait camera already 3:4: the whole frame", () => {
    expect(centredPortrait({ width: 720, height: 960 })).toEqual({ x: 0, y: 0, width: 720, height: 960 });
  });
  test("a tall phone frame: cut top and bottom", () => {
    expect(centredPortrait({ width: 720, height: 1280 })).toEqual({ x: 0, y: 160, width: 720, height: 960 });
  });
});
