import { describe, expect, test } from "vitest";
import { readExifOrientation } from "./read-exif-orientation.js";
import { ascii, exifPayload } from "./test-support/make-jpeg.js";

const read = (payload: Uint8Array) => readExifOrientation(payload, 0, payload.length);

describe("readExifOrientation", () => {
  for (const byteOrder of ["II", "MM"] as const) {
    test(`reads every orientation 1-8 in ${byteOrder} byte order`, () => {
      for (let orientation = 1; orientation <= 8; orientation++) {
        expect(read(exifPayload(orientation, byteOrder))).toBe(orientation);
      }
    });

    test(`ignores values outside 1-8 in ${byteOrder} byte order`, () => {
      for (const value of [0, 9, 0x0100, 0xffff]) expect(read(exifPayload(value, byteOrder))).toBeUndefined();
    });
  }

  test("reads the payload where it lies inside a larger buffer, and only up to its end", () => {
    const payload = exifPayload(6, "MM");
    const buffer = new Uint8Array(payload.length + 20);
    buffer.set(payload, 10);
    expect(readExifOrientation(buffer, 10, 10 + payload.length)).toBe(6);
    // The orientation entry ends 4 bytes before the payload does (the next-IFD offset follows it).
    expect(readExifOrientation(buffer, 10, 10 + payload.length - 4)).toBe(6);
    expect(readExifOrientation(buffer, 10, 10 + payload.length - 5)).toBeUndefined();
  });

  test("is undefined for an APP1 that is not EXIF (XMP)", () => {
    expect(read(Uint8Array.from(ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>")))).toBeUndefined();
  });

  test("is undefined when the header is damaged", () => {
    const cases: [number, number][] = [
      [4, 1], // "Exif\1\0"
      [6, 0x4d], // "MI" byte order
      [6, 0x41], // "AI"
      [8, 43], // TIFF magic 43 instead of 42 (little-endian)
    ];
    for (const [at, value] of cases) {
      const payload = exifPayload(6, "II");
      payload[at] = value;
      expect(read(payload)).toBeUndefined();
    }
  });

  test("is undefined when the IFD offset points past the segment", () => {
    const payload = exifPayload(6, "MM");
    payload.set([0x7f, 0xff, 0xff, 0xff], 10);
    expect(read(payload)).toBeUndefined();
    payload.set([0xff, 0xff, 0xff, 0xff], 10);
    expect(read(payload)).toBeUndefined();
  });

  test("reads no entry when the IFD's entry count itself lies past the segment's end", () => {
    const buffer = new Uint8Array(60);
    buffer.set(exifPayload(6, "II"));
    buffer.set([23, 0, 0, 0], 10); // IFD at 6 + 23 = 29
    buffer.set([1, 0], 29); // one entry...
    buffer.set([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0], 31); // ...the orientation, 6
    expect(readExifOrientation(buffer, 0, 43)).toBe(6);
    expect(readExifOrientation(buffer, 0, 30)).toBeUndefined(); // the count straddles the end
    expect(readExifOrientation(buffer, 0, 29)).toBeUndefined(); // the count starts at the end
  });

  test("stops at the segment's end when the entry count claims 65535 entries", () => {
    const buffer = new Uint8Array(56);
    buffer.set(exifPayload(6, "II"));
    buffer.set([0xff, 0xff], 14); // entry count
    buffer.set([0, 0], 28); // the orientation entry at 28 is gone...
    buffer.set([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0], 40); // ...and a third entry lies past the segment
    expect(readExifOrientation(buffer, 0, 44)).toBeUndefined();
    expect(readExifOrientation(buffer, 0, 52)).toBe(6);
  });

  test("is undefined for every cut of the payload short of the orientation value", () => {
    const payload = exifPayload(3, "II");
    for (let end = 0; end < payload.length - 4; end++) {
      expect(readExifOrientation(payload, 0, end)).toBeUndefined();
    }
  });
});
