import fc from "fast-check";
import { expect, test } from "vitest";
import { crc32 } from "./crc32.js";

test("gives the published check value of CRC-32 and the CRC of every PNG's IEND", () => {
  expect(crc32(ascii("123456789"))).toBe(0xcbf43926);
  expect(crc32(ascii("IEND"))).toBe(0xae426082);
  expect(crc32(new Uint8Array(0))).toBe(0);
});

test("agrees with the bit-by-bit CRC on any bytes and any range, whatever the alignment", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat(), (bytes, a, b) => {
      const start = bytes.length ? a % bytes.length : 0;
      const end = start + (bytes.length - start ? b % (bytes.length - start + 1) : 0);
      expect(crc32(bytes, start, end)).toBe(bitwiseCrc32(Array.from(bytes.subarray(start, end))));
    }),
    { numRuns: 300 },
  );
});

const ascii = (text: string) => new TextEncoder().encode(text);

/** The reference: CRC-32 (ISO 3309, the polynomial PNG uses) bit by bit, slow, small and plainly right. */
function bitwiseCrc32(bytes: readonly number[]): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
