import { expect, test } from "vitest";
import { skipEntropyCodedData } from "./skip-entropy-coded-data.js";

const skip = (bytes: readonly number[], from = 0) => skipEntropyCodedData(Uint8Array.from(bytes), from);

test("steps over stuffed zeros, RST0-RST7 and fill bytes, and stops at the next marker's code", () => {
  const data = [
    0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd7, 0xff, 0xff, 0x00, 0x78, 0xff, 0xff, 0xd9,
  ];
  expect(skip(data)).toBe(data.length - 1);
});

test("stops at any other code, and starts where it is told", () => {
  expect(skip([0x00, 0xff, 0xc4, 0x00])).toBe(2);
  expect(skip([0xff, 0x3a])).toBe(1);
  expect(skip([0xff, 0x01, 0xff, 0xd9], 2)).toBe(3);
});

test("finds no marker in data without 0xFF, or when the file ends inside a 0xFF run", () => {
  expect(skip([])).toBe(-1);
  expect(skip([1, 2, 3])).toBe(-1);
  expect(skip([0xff, 0x00, 0xff, 0xd1])).toBe(-1);
  expect(skip([0x10, 0xff])).toBe(-1);
  expect(skip([0x10, 0xff, 0xff, 0xff])).toBe(-1);
});
