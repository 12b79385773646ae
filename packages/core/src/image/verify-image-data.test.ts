import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ImageDataReport } from "./image-data-problem.js";
import { hasImageCodecs } from "./test-support/has-image-codecs.js";
import { ascii, makeJpeg } from "./test-support/make-jpeg.js";
import { makeMultiScanJpeg } from "./test-support/make-multi-scan-jpeg.js";
import { makePngImage, makePngScanlines, pngChunk } from "./test-support/make-png-image.js";
import { compressZlib, makeZlibBomb } from "./test-support/make-zlib.js";
import { verifyImageData } from "./verify-image-data.js";

const codes = (report: ImageDataReport) => report.problems.map((problem) => problem.code);
const portrait = { width: 48, height: 64 };
const jpeg = makeMultiScanJpeg({ ...portrait, progressive: true, restartInterval: 4 });
const png = makePngImage({ ...portrait, interlace: 1, idatChunks: 3 });

describe("verifyImageData passes sound images", () => {
  test("JPEG baseline and progressive, PNG plain and interlaced, stored or compressed", async () => {
    const compressed = await compressZlib(makePngScanlines({ width: 480, height: 640, colorType: 6 }));
    for (const bytes of [
      makeJpeg({ width: 720, height: 960, orientation: 6 }),
      makeMultiScanJpeg({ width: 720, height: 960 }),
      jpeg,
      png,
      makePngImage({ width: 480, height: 640, colorType: 6, zlib: compressed }),
    ]) {
      const report = await verifyImageData(bytes);
      expect(report).toEqual({
        ok: true,
        bytes: bytes.length,
        format: bytes[0] === 0xff ? "jpeg" : "png",
        problems: [],
        imageBytes: bytes.length,
      });
    }
  });

  test("says where the image ends when data follows it (a trailer, a ZIP or HTML glued on)", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("payload.html<html>")]);
    for (const image of [makeJpeg({ width: 720, height: 960, orientation: 6 }), png]) {
      const polyglot = new Uint8Array(image.length + zip.length);
      polyglot.set(image);
      polyglot.set(zip, image.length);
      const report = await verifyImageData(polyglot);
      expect(report).toMatchObject({ ok: true, bytes: polyglot.length, imageBytes: image.length });
    }
  });

  test("a subarray of a larger buffer, as a decoded upload may be", async () => {
    const buffer = new Uint8Array(png.length + 20);
    buffer.set(png, 10);
    expect((await verifyImageData(buffer.subarray(10, 10 + png.length))).ok).toBe(true);
  });
});

describe("verifyImageData reports damage, with a message and a concrete fix", () => {
  const flip = (bytes: Uint8Array, at: number) => {
    const copy = bytes.slice();
    copy[at]! ^= 0x40;
    return copy;
  };

  test.each([
    ["nothing", new Uint8Array(0), "empty"],
    ["text", Uint8Array.from(ascii("<html>not a photo</html>")), "unknown_format"],
    ["a cut inside the signature", Uint8Array.of(0x89, 0x50, 0x4e), "truncated"],
    ["a JPEG without EOI", jpeg.subarray(0, -2), "truncated"],
    ["a JPEG cut mid-scan", jpeg.subarray(0, jpeg.length >> 1), "truncated"],
    ["a PNG without IEND", png.subarray(0, -12), "truncated"],
    ["a PNG with a flipped byte", flip(png, png.length - 40), "bad_checksum"],
    ["a lossless JPEG", makeJpeg({ ...portrait, sof: 0xc3 }), "unsupported_encoding"],
    ["a JPEG scan without tables", makeJpeg({ ...portrait, omitSof: true }), "corrupt_structure"],
  ])("%s: %s", async (_name, bytes, code) => {
    const report = await verifyImageData(bytes);
    expect(report.ok).toBe(false);
    expect(report.bytes).toBe(bytes.length);
    expect(codes(report)).toEqual([code]);
    expect(report.problems[0]!.message.length).toBeGreaterThan(10);
    expect(report.problems[0]!.fix).toMatch(/JPEG|PNG|whole file/);
  });

  test("a JPEG header followed by random bytes: corrupt data, and the fix says to re-export as JPEG", async () => {
    const head = jpeg.subarray(0, jpeg.indexOf(0xda) + 12);
    const bytes = Uint8Array.from([
      ...head,
      ...Array.from({ length: 3000 }, (_, k) => (k * 7919 + 13) % 251),
      0xff,
      0x3a,
      0xff,
      0xd9,
    ]);
    const report = await verifyImageData(bytes);
    expect(report.problems).toEqual([
      {
        code: "corrupt_data",
        message: expect.stringContaining("byte"),
        fix: expect.stringContaining("re-export the photo as JPEG"),
      },
    ]);
  });

  test("a PNG whose IDAT is no zlib stream, and one whose data is too short", async () => {
    const garbage = makePngImage({
      ...portrait,
      zlib: Uint8Array.from(ascii("this is not compressed data")),
    });
    expect(codes(await verifyImageData(garbage))).toEqual(["corrupt_data"]);
    const short = makePngImage({
      ...portrait,
      zlib: await compressZlib(makePngScanlines({ ...portrait, height: 60 })),
    });
    expect(codes(await verifyImageData(short))).toEqual(["size_mismatch"]);
  });

  test("a zlib-bomb PNG: size_mismatch", async () => {
    const bomb = makePngImage({ width: 480, height: 640, zlib: await makeZlibBomb(16) });
    const report = await verifyImageData(bomb);
    expect(codes(report)).toEqual(["size_mismatch"]);
    expect(report.problems[0]!.message).toContain("stopped there");
  });

  test("a PNG claiming more pixels than 1080x1920 is reported without inflating anything", async () => {
    let inflaters = 0;
    const Real = globalThis.DecompressionStream;
    globalThis.DecompressionStream = class extends Real {
      constructor(format: CompressionFormat) {
        super(format);
        inflaters++;
      }
    };
    try {
      const claims = makePngImage({
        width: 1081,
        height: 1920,
        zlib: Uint8Array.of(0x78, 0x01, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 1),
      });
      const report = await verifyImageData(claims);
      expect(report.problems).toEqual([
        {
          code: "too_many_pixels",
          message: expect.stringContaining("1081x1920"),
          fix: expect.stringContaining("720 px"),
        },
      ]);
      expect(inflaters).toBe(0);
      // At exactly 1080x1920 the data is inflated (and found far too short).
      const largest = makePngImage({
        width: 1080,
        height: 1920,
        zlib: Uint8Array.of(0x78, 0x01, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 1),
      });
      expect(codes(await verifyImageData(largest))).toEqual(["size_mismatch"]);
      expect(inflaters).toBe(1);
      // 16-bit samples or alpha at the largest size would inflate past 8-bit RGB: refused, never inflated.
      for (const [colorType, bitDepth] of [
        [6, 16],
        [2, 16],
        [6, 8],
        [4, 16],
      ] as const) {
        const deep = makePngImage({
          width: 1080,
          height: 1920,
          colorType,
          bitDepth,
          zlib: Uint8Array.of(0x78, 0x01, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 1),
        });
        const refused = await verifyImageData(deep);
        expect(refused.problems).toEqual([
          {
            code: "data_too_large",
            message: expect.stringContaining(`${bitDepth}-bit`),
            fix: expect.stringContaining("8-bit"),
          },
        ]);
      }
      expect(inflaters).toBe(1);
      // 8-bit RGB at the largest size, and 8-bit RGBA at 1080x1440, are still inflated.
      for (const [colorType, bitDepth, height] of [
        [2, 8, 1920],
        [6, 8, 1440],
      ] as const) {
        const most = makePngImage({
          width: 1080,
          height,
          colorType,
          bitDepth,
          zlib: Uint8Array.of(0x78, 0x01, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 1),
        });
        expect(codes(await verifyImageData(most))).toEqual(["size_mismatch"]);
      }
      expect(inflaters).toBe(3);
    } finally {
      globalThis.DecompressionStream = Real;
    }
  });

  test("messages name offsets and known chunk names, never bytes of the file", async () => {
    const secret = "ZqXw";
    const withChunk = makePngImage({ ...portrait, before: [[secret, new Uint8Array(4)]] });
    const report = await verifyImageData(withChunk);
    expect(codes(report)).toEqual(["unsupported_encoding"]);
    expect(JSON.stringify(report)).not.toContain(secret);
    const badType = Uint8Array.from([
      ...png.subarray(0, 33),
      ...pngChunk("IDAT", new Uint8Array(3)).map((b, k) => (k === 5 ? 0x21 : b)),
    ]);
    expect(JSON.stringify(await verifyImageData(badType))).not.toMatch(/I!AT/);
  });
});

describe("verifyImageData on hostile input (properties)", () => {
  const sane = (report: ImageDataReport, bytes: Uint8Array) => {
    expect(report.bytes).toBe(bytes.length);
    expect(report.ok).toBe(report.problems.length === 0);
    expect(report.problems.length).toBeLessThanOrEqual(1);
    for (const problem of report.problems) expect(problem.fix.length).toBeGreaterThan(10);
  };

  test("random mutations of sound JPEGs and PNGs never throw: always a report", async () => {
    const files = [
      jpeg,
      makeJpeg({ ...portrait, orientation: 3 }),
      png,
      makePngImage({
        ...portrait,
        colorType: 3,
        bitDepth: 4,
        zlib: await compressZlib(makePngScanlines({ ...portrait, colorType: 3, bitDepth: 4 })),
      }),
    ];
    const mutation = fc.oneof(
      fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 })
        .map((edits) => (bytes: Uint8Array) => {
          const copy = bytes.slice();
          for (const [at, value] of edits) copy[at % copy.length] = value;
          return copy;
        }),
      fc.nat().map((cut) => (bytes: Uint8Array) => bytes.subarray(0, cut % bytes.length)),
      fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 200 })).map(([at, noise]) => (bytes: Uint8Array) => {
        const k = at % bytes.length;
        return Uint8Array.from([...bytes.subarray(0, k), ...noise, ...bytes.subarray(k)]);
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), mutation, async (original, mutate) => {
        const bytes = mutate(original);
        sane(await verifyImageData(bytes), bytes);
      }),
      { numRuns: 300 },
    );
  });

  test("every cut of a JPEG and a PNG is refused as truncated", async () => {
    for (const original of [jpeg, png]) {
      for (let cut = 3; cut < original.length; cut += 7) {
        expect(codes(await verifyImageData(original.subarray(0, cut))), `cut at ${cut}`).toEqual([
          "truncated",
        ]);
      }
    }
  });
});

// Where the runtime has image codecs (the chromium project of this suite), the generated files are checked
// against Chromium's own decoder, and Chromium's encoders' output must pass.
if (hasImageCodecs) {
  describe("against Chromium's image codecs", () => {
    test("Chromium decodes every generated JPEG and PNG the data check passes, at its size", async () => {
      const files = [
        makeMultiScanJpeg({ width: 40, height: 56 }),
        makeMultiScanJpeg({ width: 40, height: 56, components: 1, restartInterval: 3 }),
        makeMultiScanJpeg({ width: 40, height: 56, progressive: true, restartInterval: 2 }),
        makePngImage({ width: 13, height: 7, interlace: 1, colorType: 3, bitDepth: 2, idatChunks: 4 }),
        makePngImage({ width: 13, height: 7, colorType: 4, bitDepth: 16 }),
      ];
      for (const bytes of files) {
        expect((await verifyImageData(bytes)).ok).toBe(true);
        const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
        expect([bitmap.width, bitmap.height]).toEqual(bytes[0] === 0xff ? [40, 56] : [13, 7]);
        bitmap.close();
      }
    });

    test("the busy JPEG and the PNG that Chromium's encoders write pass", async () => {
      const canvas = new OffscreenCanvas(480, 640);
      const context = canvas.getContext("2d")!;
      const pixels = context.createImageData(480, 640);
      let state = 1;
      for (let k = 0; k < pixels.data.length; k++) {
        state = (state * 1103515245 + 12345) >>> 0;
        pixels.data[k] = k % 4 === 3 ? 255 : state >>> 24;
      }
      context.putImageData(pixels, 0, 0);
      for (const type of ["image/jpeg", "image/png"]) {
        const blob = await canvas.convertToBlob({ type, quality: 0.92 });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        expect(await verifyImageData(bytes)).toMatchObject({ ok: true, format: type.slice(6), problems: [] });
        // Noise makes the encoder stuff 0xFF bytes (0xFF 0x00) into the entropy-coded data.
        if (type === "image/jpeg")
          expect(bytes.findIndex((b, k) => b === 0xff && bytes[k + 1] === 0)).toBeGreaterThan(0);
      }
    });
  });
}
