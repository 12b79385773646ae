import fc from "fast-check";
import { expect, test } from "vitest";
import { ADLER32_START, adler32 } from "./adler32.js";
import { ascii } from "./test-support/make-jpeg.js";
import { slowAdler32 } from "./test-support/make-zlib.js";

test("gives RFC 1950's value for nothing and the well-known value of 'Wikipedia'", () => {
  expect(adler32(ADLER32_START, new Uint8Array(0))).toBe(1);
  expect(adler32(ADLER32_START, Uint8Array.from(ascii("Wikipedia")))).toBe(0x11e60398);
});

test("stays exact on long runs of 0xFF, where the sums grow fastest", () => {
  const bytes = new Uint8Array(100_000).fill(0xff);
  expect(adler32(ADLER32_START, bytes)).toBe(slowAdler32(bytes));
});

test("agrees with the definition on any bytes, fed whole or in pieces", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 5000 }), fc.nat({ max: 5000 }), (bytes, cut) => {
      const at = Math.min(cut, bytes.length);
      const whole = adler32(ADLER32_START, bytes);
      expect(whole).toBe(slowAdler32(bytes));
      expect(adler32(adler32(ADLER32_START, bytes.subarray(0, at)), bytes.subarray(at))).toBe(whole);
    }),
    { numRuns: 200 },
  );
});
