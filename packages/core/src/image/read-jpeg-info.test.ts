import { describe, expect, test } from "vitest";
import { readJpegInfo } from "./read-jpeg-info.js";
import { exifPayload, makeJpeg } from "./test-support/make-jpeg.js";

describe("readJpegInfo", () => {
  test("reads a portrait baseline JPEG", () => {
    expect(readJpegInfo(makeJpeg({ width: 720, height: 960 }))).toEqual({
      format: "jpeg",
      width: 720,
      height: 960,
      storedWidth: 720,
      storedHeight: 960,
      orientation: 1,
      progressive: false,
      bitDepth: 8,
    });
  });

  test("reads a landscape JPEG as landscape", () => {
    expect(readJpegInfo(makeJpeg({ width: 1280, height: 720 }))).toMatchObject({ width: 1280, height: 720 });
  });

  test("reads sizes up to 65535 and the precision", () => {
    const info = readJpegInfo(makeJpeg({ width: 65535, height: 300, precision: 12 }));
    expect(info).toMatchObject({ width: 65535, height: 300, bitDepth: 12 });
  });

  for (const byteOrder of ["II", "MM"] as const) {
    test(`applies every EXIF orientation (${byteOrder}): 5-8 swap width and height`, () => {
      for (let orientation = 1; orientation <= 8; orientation++) {
        const info = readJpegInfo(makeJpeg({ width: 960, height: 720, orientation, byteOrder }));
        const turned = orientation >= 5;
        expect(info).toMatchObject({
          orientation,
          storedWidth: 960,
          storedHeight: 720,
          width: turned ? 720 : 960,
          height: turned ? 960 : 720,
        });
      }
    });
  }

  test("treats an invalid EXIF orientation as 1", () => {
    const info = readJpegInfo(makeJpeg({ width: 960, height: 720, orientation: 9 }));
    expect(info).toMatchObject({ orientation: 1, width: 960, height: 720 });
  });

  test("keeps the first EXIF orientation when a second APP1 follows (XMP or another EXIF)", () => {
    const info = readJpegInfo(
      makeJpeg({ width: 960, height: 720, orientation: 6, segments: [[0xe1, exifPayload(3, "MM")]] }),
    );
    expect(info).toMatchObject({ orientation: 6, width: 720, height: 960 });
  });

  test("finds EXIF after other APP segments", () => {
    const info = readJpegInfo(
      makeJpeg({
        width: 960,
        height: 720,
        jfif: false,
        segments: [
          [0xe2, new Uint8Array(300)],
          [0xe1, exifPayload(8, "II")],
        ],
      }),
    );
    expect(info).toMatchObject({ orientation: 8, width: 720, height: 960 });
  });

  test("knows progressive JPEG (SOF2) and the other frame types", () => {
    expect(readJpegInfo(makeJpeg({ width: 720, height: 960, sof: 0xc2 }))).toMatchObject({
      width: 720,
      height: 960,
      progressive: true,
    });
    for (let sof = 0xc0; sof <= 0xcf; sof++) {
      if (sof === 0xc4 || sof === 0xc8 || sof === 0xcc) continue;
      const info = readJpegInfo(makeJpeg({ width: 600, height: 800, sof }));
      expect(info).toMatchObject({
        width: 600,
        height: 800,
        progressive: [0xc2, 0xc6, 0xca, 0xce].includes(sof),
      });
    }
  });

  test("does not take DHT (C4), JPG (C8) or DAC (CC) for a frame header", () => {
    for (const marker of [0xc4, 0xc8, 0xcc]) {
      const fake = Uint8Array.of(8, 0x03, 0xc0, 0x02, 0xd0, 1, 1, 0x11, 0);
      expect(
        readJpegInfo(makeJpeg({ width: 720, height: 960, omitSof: true, segments: [[marker, fake]] })),
      ).toBe("no_dimensions");
    }
  });

  test("says no_dimensions for a JPEG with no SOF before its scan", () => {
    expect(readJpegInfo(makeJpeg({ width: 720, height: 960, omitSof: true }))).toBe("no_dimensions");
    expect(readJpegInfo(Uint8Array.of(0xff, 0xd8, 0xff, 0xd9))).toBe("no_dimensions");
  });

  test("says no_dimensions for a zero height (to be given by DNL) or width", () => {
    expect(readJpegInfo(makeJpeg({ width: 720, height: 0 }))).toBe("no_dimensions");
    expect(readJpegInfo(makeJpeg({ width: 0, height: 960 }))).toBe("no_dimensions");
  });

  test("skips fill bytes, stray bytes and standalone markers before a marker, as libjpeg does", () => {
    const plain = makeJpeg({ width: 720, height: 960, jfif: false });
    const noisy = Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xff,
      0xff,
      0x00,
      0x12,
      0xff,
      0xd0,
      0xff,
      0x01,
      ...plain.subarray(2),
    ]);
    expect(readJpegInfo(noisy)).toMatchObject({ width: 720, height: 960 });
  });

  test("says truncated for every cut before the frame header's sizes, and never throws", () => {
    const bytes = makeJpeg({ width: 720, height: 960, orientation: 6, byteOrder: "MM" });
    const sof = bytes.findIndex((byte, k) => byte === 0xff && bytes[k + 1] === 0xc0);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const info = readJpegInfo(bytes.subarray(0, cut));
      if (cut < sof + 9) expect(info).toBe("truncated");
      else expect(info).toMatchObject({ width: 960, height: 720 });
    }
  });

  test("says no_dimensions for a segment length below 2", () => {
    for (const length of [0, 1]) {
      expect(
        readJpegInfo(
          Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, length, 0xff, 0xc0, 0, 11, 8, 3, 0xc0, 2, 0xd0),
        ),
      ).toBe("no_dimensions");
    }
  });

  test("says truncated when a segment's length runs past the end", () => {
    expect(readJpegInfo(Uint8Array.of(0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45, 0x78, 0x69, 0x66))).toBe(
      "truncated",
    );
  });

  test("gives up after a bounded number of segments", () => {
    const empty = [0xff, 0xfe, 0, 2]; // an empty COM segment
    const sof = [0xff, 0xc0, 0, 11, 8, 0x03, 0xc0, 0x02, 0xd0, 1, 1, 0x11, 0];
    const file = (segments: number) =>
      Uint8Array.from([0xff, 0xd8, ...new Array(segments).fill(empty).flat(), ...sof]);
    expect(readJpegInfo(file(1000))).toMatchObject({ width: 720, height: 960 });
    expect(readJpegInfo(file(100_000))).toBe("no_dimensions");
  });

  test("walks a megabyte of fill bytes or stray bytes to the end and says truncated", () => {
    const ff = new Uint8Array(1 << 20).fill(0xff);
    ff[1] = 0xd8;
    expect(readJpegInfo(ff)).toBe("truncated");
    const zeros = new Uint8Array(1 << 20);
    zeros.set([0xff, 0xd8]);
    expect(readJpegInfo(zeros)).toBe("truncated");
  });
});
