import { expect, test } from "vitest";
import { readUint16, readUint32 } from "./read-uint.js";

const bytes = Uint8Array.of(0x12, 0x34, 0x56, 0x78, 0xff, 0xff, 0xff, 0xfe);

test("reads big-endian by default and little-endian on request", () => {
  expect(readUint16(bytes, 0)).toBe(0x1234);
  expect(readUint16(bytes, 0, true)).toBe(0x3412);
  expect(readUint32(bytes, 0)).toBe(0x12345678);
  expect(readUint32(bytes, 0, true)).toBe(0x78563412);
});

test("stays unsigned above 2^31", () => {
  expect(readUint32(bytes, 4)).toBe(0xfffffffe);
  expect(readUint32(bytes, 4, true)).toBe(0xfeffffff);
  expect(readUint16(bytes, 4)).toBe(0xffff);
});

test("reads missing bytes past the end as zero instead of throwing", () => {
  expect(readUint16(bytes, 7)).toBe(0xfe00);
  expect(readUint16(bytes, 7, true)).toBe(0x00fe);
  expect(readUint32(bytes, 100)).toBe(0);
});
