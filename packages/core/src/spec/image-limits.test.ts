import { expect, test } from "vitest";
import { IMAGE_LIMITS } from "./image-limits.js";

test("holds the product page's image rules (height x width 640x480..1920x1080, portrait)", () => {
  expect(IMAGE_LIMITS).toEqual({
    formats: ["jpeg", "png"],
    maxBytes: 1_048_576,
    maxBase64SourceBytes: 629_146,
    minWidth: 480,
    maxWidth: 1080,
    minHeight: 640,
    maxHeight: 1920,
    targetShorterSide: 720,
    minQuality: 0.9,
  });
});

test("keeps a base64-mode source within the 1 MB limit once encoded", () => {
  expect(Math.ceil(IMAGE_LIMITS.maxBase64SourceBytes / 3) * 4).toBeLessThanOrEqual(IMAGE_LIMITS.maxBytes);
  expect(IMAGE_LIMITS.maxBase64SourceBytes).toBe(Math.round(0.6 * 1_048_576));
});
