import { expect, test } from "vitest";
import { checkImage } from "../image/check-image.js";
import { makeJpeg } from "../image/test-support/make-jpeg.js";
import { IMAGE_LIMITS } from "./image-limits.js";
import { IMAGE_RULES, published } from "./test-support/published-facts.js";

const MiB = 1024 * 1024;
const [minHeight, minWidth, maxHeight, maxWidth] = published(
  IMAGE_RULES,
  /resolution between (\d+)x(\d+) and (\d+)x(\d+) \(height x width\)/,
).map(Number) as [number, number, number, number];

test("the resolution range is the published one (given there as height x width)", () => {
  expect(IMAGE_LIMITS).toMatchObject({ minHeight, minWidth, maxHeight, maxWidth });
});

test("the formats, size, resize target and quality are the published ones", () => {
  const formats = published(IMAGE_RULES, /Image rules: ([A-Z/]+);/)[0]!.split("/");
  expect(new Set(formats.map((name) => (name === "JPG" ? "jpeg" : name.toLowerCase())))).toEqual(
    new Set(IMAGE_LIMITS.formats),
  );
  // "1 MB" read as the binary megabyte, the larger reading: the stricter one would refuse files Alibaba takes.
  expect(IMAGE_LIMITS.maxBytes).toBe(Number(published(IMAGE_RULES, /at most (\d+) MB/)[0]) * MiB);
  const [shorter, quality] = published(IMAGE_RULES, /shorter side to (\d+) px with quality above ([\d.]+)/);
  expect(IMAGE_LIMITS.targetShorterSide).toBe(Number(shorter));
  expect(IMAGE_LIMITS.minQuality).toBe(Number(quality));
});

test("a base64-mode source stays under the published 0.6 MB and fits the byte limit once encoded", () => {
  const share = Number(published(IMAGE_RULES, /keep the original under ([\d.]+) MB in base64 mode/)[0]);
  expect(IMAGE_LIMITS.maxBase64SourceBytes).toBe(Math.round(share * MiB));
  expect(Math.ceil(IMAGE_LIMITS.maxBase64SourceBytes / 3) * 4).toBeLessThanOrEqual(IMAGE_LIMITS.maxBytes);
});

test("checkImage takes the published edges and refuses one pixel beyond them", () => {
  const ok = (width: number, height: number) => checkImage(makeJpeg({ width, height })).ok;
  expect(ok(minWidth, minHeight)).toBe(true);
  expect(ok(maxWidth, maxHeight)).toBe(true);
  expect(ok(minWidth - 1, minHeight)).toBe(false);
  expect(ok(minWidth, minHeight - 1)).toBe(false);
  expect(ok(maxWidth + 1, maxHeight)).toBe(false);
  expect(ok(maxWidth, maxHeight + 1)).toBe(false);
  // "portrait (height > width)": a square is not one.
  expect(ok(minWidth + 100, minWidth + 100)).toBe(false);
});
