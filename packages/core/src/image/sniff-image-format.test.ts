import { describe, expect, test } from "vitest";
import { matchImageSignature, sniffImageFormat } from "./sniff-image-format.js";
import { ascii, makeJpeg } from "./test-support/make-jpeg.js";
import { makePng } from "./test-support/make-png.js";

const jpeg = makeJpeg({ width: 720, height: 960 });
const png = makePng({ width: 720, height: 960 });

describe("sniffImageFormat", () => {
  test("knows JPEG and PNG by their magic bytes", () => {
    expect(sniffImageFormat(jpeg)).toBe("jpeg");
    expect(sniffImageFormat(png)).toBe("png");
    expect(sniffImageFormat(Uint8Array.of(0xff, 0xd8, 0xff))).toBe("jpeg");
    expect(sniffImageFormat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("png");
  });

  test("reads the bytes of a view, not of its whole buffer", () => {
    const buffer = new Uint8Array(png.length + 5);
    buffer.set(png, 5);
    expect(sniffImageFormat(buffer.subarray(5))).toBe("png");
    expect(sniffImageFormat(buffer)).toBeUndefined();
  });

  test.each([
    ["zero bytes", new Uint8Array(0)],
    ["text", Uint8Array.from(ascii("hello, world"))],
    ["GIF", Uint8Array.from(ascii("GIF89a\x01\x00\x01\x00"))],
    ["WebP", Uint8Array.from(ascii("RIFF\x10\x00\x00\x00WEBPVP8 "))],
    ["SOI without a following marker", Uint8Array.of(0xff, 0xd8, 0x00, 0xff)],
    ["PNG signature with one byte wrong", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b)],
    ["a prefix of the PNG signature", png.subarray(0, 7)],
  ])("%s is no image", (_name, bytes) => {
    expect(sniffImageFormat(bytes)).toBeUndefined();
  });
});

describe("matchImageSignature", () => {
  test("calls a file cut inside a signature truncated", () => {
    for (let k = 1; k < 3; k++) expect(matchImageSignature(jpeg.subarray(0, k))).toBe("truncated");
    for (let k = 1; k < 8; k++) expect(matchImageSignature(png.subarray(0, k))).toBe("truncated");
    expect(matchImageSignature(png.subarray(0, 8))).toBe("png");
  });

  test("calls anything else unknown", () => {
    expect(matchImageSignature(new Uint8Array(0))).toBeUndefined();
    expect(matchImageSignature(Uint8Array.of(0xff, 0xd9))).toBeUndefined();
    expect(matchImageSignature(Uint8Array.of(0x89, 0x51))).toBeUndefined();
  });
});
