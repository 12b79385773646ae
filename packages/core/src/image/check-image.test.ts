import { describe, expect, test } from "vitest";
import { IMAGE_LIMITS } from "../spec/image-limits.js";
import { checkImage, type ImageReport } from "./check-image.js";
import { ascii, makeJpeg } from "./test-support/make-jpeg.js";
import { makePng } from "./test-support/make-png.js";

const codes = (report: ImageReport) => report.problems.map((problem) => problem.code);
const jpeg = (width: number, height: number, orientation?: number) =>
  checkImage(makeJpeg({ width, height, orientation }));

describe("checkImage", () => {
  test("passes a 720x960 portrait JPEG and PNG", () => {
    const bytes = makeJpeg({ width: 720, height: 960 });
    expect(checkImage(bytes)).toEqual({
      ok: true,
      bytes: bytes.length,
      info: expect.objectContaining({ format: "jpeg", width: 720, height: 960 }),
      problems: [],
    });
    expect(checkImage(makePng({ width: 720, height: 960 })).ok).toBe(true);
  });

  test("passes the edges of the allowed range: 480x640 and 1080x1920 (width x height)", () => {
    expect(jpeg(480, 640).ok).toBe(true);
    expect(jpeg(1080, 1920).ok).toBe(true);
    expect(jpeg(480, 1920).ok).toBe(true);
    expect(jpeg(1080, 1081).ok).toBe(true);
  });

  test("reports a resolution just outside the range", () => {
    expect(codes(jpeg(479, 640))).toEqual(["too_small_resolution"]);
    expect(codes(jpeg(480, 639))).toEqual(["too_small_resolution"]);
    expect(codes(jpeg(1081, 1920))).toEqual(["too_large_resolution"]);
    expect(codes(jpeg(1080, 1921))).toEqual(["too_large_resolution"]);
  });

  test("says how to fix a resolution: scale the shorter side to 720 px, with the target size", () => {
    const small = jpeg(400, 600).problems[0]!;
    expect(small).toMatchObject({ code: "too_small_resolution" });
    expect(small.message).toContain("400x600");
    expect(small.fix).toContain("scale the shorter side to 720 px (to 720x1080)");
    const large = jpeg(1200, 2400).problems[0]!;
    expect(large.message).toContain("1200x2400");
    expect(large.fix).toContain("scale the shorter side to 720 px (to 720x1440)");
    const oddRatio = jpeg(3000, 4000).problems[0]!;
    expect(oddRatio.fix).toContain("(to 720x960)");
  });

  test("says crop when scaling alone cannot fit (too tall, square or landscape)", () => {
    expect(jpeg(1000, 3000).problems[0]!.fix).toContain("crop it to 3:4 (720x960)");
    expect(jpeg(2000, 2000).problems[0]!.fix).toContain("crop it to 3:4");
  });

  test("reports landscape and square as not portrait, with a fix", () => {
    const landscape = jpeg(960, 720);
    expect(codes(landscape)).toEqual(["not_portrait"]);
    expect(landscape.problems[0]!.fix).toContain("Rotate it to portrait, or crop it to 3:4 (720x960)");
    expect(codes(jpeg(720, 720))).toEqual(["not_portrait"]);
  });

  test("applies the EXIF orientation before judging: a sideways-stored portrait passes", () => {
    expect(jpeg(960, 720, 6).ok).toBe(true);
    expect(jpeg(960, 720, 8).ok).toBe(true);
    expect(codes(jpeg(960, 720, 3))).toEqual(["not_portrait"]);
    expect(codes(jpeg(720, 960, 5))).toEqual(["not_portrait"]);
  });

  test("lists every problem at once", () => {
    const report = checkImage(makeJpeg({ width: 2560, height: 1440, size: IMAGE_LIMITS.maxBytes + 1 }));
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual(["too_large", "too_large_resolution", "not_portrait"]);
    for (const problem of report.problems) {
      expect(problem.message.length).toBeGreaterThan(10);
      expect(problem.fix.length).toBeGreaterThan(10);
    }
  });

  test("reports a PNG whose IHDR claims 60000x60000 without trouble", () => {
    const report = checkImage(makePng({ width: 60000, height: 60000 }));
    expect(codes(report)).toEqual(["too_large_resolution", "not_portrait"]);
    expect(report.problems[0]!.message).toContain("60000x60000");
  });

  describe("byte size", () => {
    const sized = (size: number) => makeJpeg({ width: 720, height: 960, size });

    test("allows 1 MiB in url and file mode, and one byte more is too large", () => {
      expect(checkImage(sized(IMAGE_LIMITS.maxBytes)).ok).toBe(true);
      expect(checkImage(sized(IMAGE_LIMITS.maxBytes), { mode: "file" }).ok).toBe(true);
      const report = checkImage(sized(IMAGE_LIMITS.maxBytes + 1), { mode: "url" });
      expect(codes(report)).toEqual(["too_large"]);
      expect(report.problems[0]!.message).toContain(String(IMAGE_LIMITS.maxBytes + 1));
      expect(report.problems[0]!.fix).toContain("quality 0.9");
    });

    test("allows only 0.6 MiB in base64 mode", () => {
      expect(checkImage(sized(629_146), { mode: "base64" }).ok).toBe(true);
      expect(codes(checkImage(sized(629_147), { mode: "base64" }))).toEqual(["too_large"]);
      expect(checkImage(sized(629_147)).ok).toBe(true);
    });

    test("takes an explicit maxBytes over the mode's", () => {
      const bytes = sized(5000);
      expect(codes(checkImage(bytes, { maxBytes: 4999, mode: "file" }))).toEqual(["too_large"]);
      expect(checkImage(bytes, { maxBytes: 5000, mode: "base64" }).ok).toBe(true);
    });
  });

  describe("files that give no sizes", () => {
    test("zero bytes: empty, and nothing else", () => {
      expect(checkImage(new Uint8Array(0))).toMatchObject({
        ok: false,
        bytes: 0,
        problems: [{ code: "empty" }],
      });
    });

    test("not an image: unknown_format, with a fix", () => {
      const report = checkImage(Uint8Array.from(ascii("%PDF-1.7 not a photo")));
      expect(codes(report)).toEqual(["unknown_format"]);
      expect(report.info).toBeUndefined();
      expect(report.problems[0]!.fix).toContain("JPEG");
    });

    test("truncated JPEG and PNG: truncated, at every cut inside the header", () => {
      for (const original of [
        makeJpeg({ width: 720, height: 960, orientation: 6 }),
        makePng({ width: 720, height: 960 }),
      ]) {
        const complete =
          original[0] === 0xff
            ? original.findIndex((b, k) => b === 0xff && original[k + 1] === 0xc0) + 9
            : 33;
        for (let cut = 1; cut < complete; cut++) {
          expect(codes(checkImage(original.subarray(0, cut)))).toEqual(["truncated"]);
        }
      }
    });

    test("a JPEG without a frame header: no_dimensions", () => {
      expect(codes(checkImage(makeJpeg({ width: 720, height: 960, omitSof: true })))).toEqual([
        "no_dimensions",
      ]);
    });

    test("an oversized file that is no image gets both problems", () => {
      const bytes = new Uint8Array(IMAGE_LIMITS.maxBytes + 1).fill(0x41);
      expect(codes(checkImage(bytes))).toEqual(["too_large", "unknown_format"]);
    });
  });
});
