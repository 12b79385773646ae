import { describe, expect, test } from "vitest";
import { readPngInfo } from "./read-png-info.js";
import { makePng } from "./test-support/make-png.js";

describe("readPngInfo", () => {
  test("reads a portrait PNG from its IHDR", () => {
    expect(readPngInfo(makePng({ width: 720, height: 960 }))).toEqual({
      format: "png",
      width: 720,
      height: 960,
      storedWidth: 720,
      storedHeight: 960,
      orientation: 1,
      progressive: false,
      bitDepth: 8,
    });
  });

  test("reads a landscape PNG, its bit depth and Adam7 interlacing", () => {
    expect(readPngInfo(makePng({ width: 1920, height: 1080, bitDepth: 16, interlace: 1 }))).toMatchObject({
      width: 1920,
      height: 1080,
      bitDepth: 16,
      progressive: true,
    });
  });

  test("reports an IHDR claiming 60000x60000 as it is, without allocating for it", () => {
    expect(readPngInfo(makePng({ width: 60000, height: 60000 }))).toMatchObject({
      width: 60000,
      height: 60000,
    });
  });

  test("accepts the largest size PNG allows (2^31 - 1) and rejects larger ones and zero", () => {
    expect(readPngInfo(makePng({ width: 0x7fffffff, height: 1 }))).toMatchObject({ width: 0x7fffffff });
    expect(readPngInfo(makePng({ width: 0x80000000, height: 1 }))).toBe("no_dimensions");
    expect(readPngInfo(makePng({ width: 1, height: 0xffffffff }))).toBe("no_dimensions");
    expect(readPngInfo(makePng({ width: 0, height: 960 }))).toBe("no_dimensions");
    expect(readPngInfo(makePng({ width: 720, height: 0 }))).toBe("no_dimensions");
  });

  test("says no_dimensions when the first chunk is not IHDR", () => {
    expect(readPngInfo(makePng({ width: 720, height: 960, firstChunk: "IDAT" }))).toBe("no_dimensions");
    expect(readPngInfo(makePng({ width: 720, height: 960, firstChunk: "ihdr" }))).toBe("no_dimensions");
  });

  test("says no_dimensions when IHDR's length is not 13", () => {
    const bytes = makePng({ width: 720, height: 960 });
    bytes[11] = 14;
    expect(readPngInfo(bytes)).toBe("no_dimensions");
  });

  test("says truncated for every cut inside signature, IHDR and its CRC", () => {
    const bytes = makePng({ width: 720, height: 960 });
    for (let cut = 0; cut <= bytes.length; cut++) {
      const info = readPngInfo(bytes.subarray(0, cut));
      if (cut < 33) expect(info).toBe("truncated");
      else expect(info).toMatchObject({ width: 720, height: 960 });
    }
  });
});
