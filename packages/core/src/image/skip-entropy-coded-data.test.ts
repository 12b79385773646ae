import { expect, test } from "vitest";
import { seededBytes } from "../bytes/index.js";
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

test("agrees with a byte-by-byte walk on random data, wherever the view starts in its buffer", () => {
  const walk = (bytes: Uint8Array, from: number) => {
    for (let i = from; i < bytes.length; i++) {
      if (bytes[i] !== 0xff) continue;
      let code = i + 1;
      while (bytes[code] === 0xff) code++;
      if (code >= bytes.length) return -1;
      const byte = bytes[code]!;
      if (byte !== 0 && (byte < 0xd0 || byte > 0xd7)) return code;
      i = code;
    }
    return -1;
  };
  const random = seededBytes(4_000, 11);
  for (let round = 0; round < 400; round++) {
    const buffer = new Uint8Array(64 + (round % 37));
    // Mostly ordinary bytes, some 0xFF followed by what may stand after it in the data, or a marker.
    for (let k = 0; k < buffer.length; k++) {
      const r = random[(round * 97 + k * 13) % random.length]!;
      buffer[k] = r < 200 ? r % 0xff : [0xff, 0x00, 0xd0, 0xd7, 0xd9, 0xc4, 0xff, 0x00][r % 8]!;
    }
    const offset = round % 4;
    const view = buffer.subarray(offset, buffer.length - (round % 3));
    const from = round % 5;
    expect(skipEntropyCodedData(view, from)).toBe(walk(view, from));
  }
});
