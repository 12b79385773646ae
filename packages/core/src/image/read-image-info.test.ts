import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkImage } from "./check-image.js";
import { readImageHeader, readImageInfo } from "./read-image-info.js";
import { hasImageCodecs } from "./test-support/has-image-codecs.js";
import { ascii, makeJpeg } from "./test-support/make-jpeg.js";
import { makePng } from "./test-support/make-png.js";

describe("readImageInfo", () => {
  test("reads JPEG and PNG", () => {
    expect(readImageInfo(makeJpeg({ width: 720, height: 960, orientation: 6 }))).toMatchObject({
      format: "jpeg",
      width: 960,
      height: 720,
      orientation: 6,
    });
    expect(readImageInfo(makePng({ width: 720, height: 960 }))).toMatchObject({
      format: "png",
      width: 720,
      height: 960,
    });
  });

  test.each([
    ["zero bytes", new Uint8Array(0)],
    ["not an image", Uint8Array.from(ascii("<!doctype html><title>x</title>"))],
    ["a truncated JPEG", makeJpeg({ width: 720, height: 960 }).subarray(0, 40)],
    ["a truncated PNG", makePng({ width: 720, height: 960 }).subarray(0, 20)],
    ["a JPEG with no SOF", makeJpeg({ width: 720, height: 960, omitSof: true })],
  ])("is undefined for %s", (_name, bytes) => {
    expect(readImageInfo(bytes)).toBeUndefined();
  });

  test("readImageHeader says why there is no info", () => {
    expect(readImageHeader(new Uint8Array(0))).toBe("unknown_format");
    expect(readImageHeader(Uint8Array.from(ascii("GIF89a")))).toBe("unknown_format");
    expect(readImageHeader(Uint8Array.of(0x89, 0x50))).toBe("truncated");
    expect(readImageHeader(makeJpeg({ width: 720, height: 960 }).subarray(0, 30))).toBe("truncated");
    expect(readImageHeader(makeJpeg({ width: 720, height: 960, omitSof: true }))).toBe("no_dimensions");
  });
});

describe("hostile input (properties)", () => {
  const sane = (bytes: Uint8Array) => {
    const info = readImageInfo(bytes);
    if (info) {
      expect(info.width).toBeGreaterThan(0);
      expect(info.height).toBeGreaterThan(0);
    }
    const report = checkImage(bytes);
    expect(report.ok).toBe(report.problems.length === 0);
    expect(report.bytes).toBe(bytes.length);
  };
  const prefixed = (prefix: number[]) =>
    fc.uint8Array({ maxLength: 600 }).map((tail) => Uint8Array.from([...prefix, ...tail]));

  test("random bytes never make readImageInfo or checkImage throw", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), sane), { numRuns: 500 });
  });

  test("random bytes after a JPEG or PNG signature never make them throw", () => {
    fc.assert(fc.property(prefixed([0xff, 0xd8, 0xff]), sane), { numRuns: 500 });
    fc.assert(fc.property(prefixed([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), sane), {
      numRuns: 500,
    });
  });

  test("random segments (markers with random lengths and payloads) never make them throw", () => {
    const segment = fc
      .tuple(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.uint8Array({ maxLength: 40 }),
      )
      .map(([marker, length, payload]) => [0xff, marker, length >> 8, length & 255, ...payload]);
    const file = fc
      .array(segment, { maxLength: 20 })
      .map((segments) => Uint8Array.from([0xff, 0xd8, ...segments.flat()]));
    fc.assert(fc.property(file, sane), { numRuns: 500 });
  });

  test("a generated JPEG or PNG with random bytes overwritten never makes them throw", () => {
    const files = [
      makeJpeg({ width: 720, height: 960, orientation: 6, byteOrder: "MM" }),
      makeJpeg({ width: 960, height: 720, orientation: 8, sof: 0xc2 }),
      makePng({ width: 720, height: 960 }),
    ];
    const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.constantFrom(...files), edits, (original, changes) => {
        const bytes = original.slice();
        for (const [at, value] of changes) bytes[at % bytes.length] = value;
        sane(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  test("every cut of a JPEG and a PNG gives an info with the right sizes or nothing, never a throw", () => {
    for (const original of [
      makeJpeg({ width: 720, height: 960, orientation: 5 }),
      makePng({ width: 720, height: 960 }),
    ]) {
      for (let cut = 0; cut <= original.length; cut++) {
        const bytes = original.subarray(0, cut);
        sane(bytes);
        const info = readImageInfo(bytes);
        if (info) expect([info.width, info.height]).toEqual(original[0] === 0xff ? [960, 720] : [720, 960]);
      }
    }
  });
});

// Where the runtime has an image decoder and encoder (the chromium project of this suite), the header reader is
// checked against them: Chromium's own decoder for the generated files (EXIF orientation included), and the
// files Chromium's encoders write. Node and workerd have neither, so these tests exist only there.
if (hasImageCodecs) {
  describe("against Chromium's image codecs", () => {
    const decodedSize = async (bytes: Uint8Array, type: string) => {
      const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
      const size = [bitmap.width, bitmap.height];
      bitmap.close();
      return size;
    };

    test("Chromium decodes the generated JPEGs to the sizes readImageInfo reports, for every orientation", async () => {
      for (const sof of [0xc0, 0xc2]) {
        for (const byteOrder of ["II", "MM"] as const) {
          for (let orientation = 1; orientation <= 8; orientation++) {
            const bytes = makeJpeg({ width: 16, height: 24, orientation, byteOrder, sof });
            const info = readImageInfo(bytes);
            expect([info?.width, info?.height]).toEqual(await decodedSize(bytes, "image/jpeg"));
          }
        }
      }
    });

    test("reads the JPEG and PNG that Chromium's encoders write", async () => {
      const canvas = new OffscreenCanvas(480, 640);
      const context = canvas.getContext("2d")!;
      context.fillStyle = "#8a6";
      context.fillRect(0, 0, 480, 640);
      context.fillStyle = "#246";
      context.fillRect(100, 150, 280, 340);
      for (const type of ["image/jpeg", "image/png"]) {
        const blob = await canvas.convertToBlob({ type, quality: 0.9 });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        expect(readImageInfo(bytes)).toMatchObject({
          format: type.slice(6),
          width: 480,
          height: 640,
          orientation: 1,
          bitDepth: 8,
        });
        expect(checkImage(bytes)).toMatchObject({ ok: true, problems: [] });
      }
    });
  });
}
