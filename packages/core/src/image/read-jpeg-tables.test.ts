import { describe, expect, test } from "vitest";
import { readHuffmanTables, readQuantizationTables } from "./read-jpeg-tables.js";

// The readers take a segment's payload; four bytes stand before it, where the marker and length would be.
const at4 = (payload: readonly number[]) => {
  const bytes = Uint8Array.from([0xff, 0xdb, 0, 0, ...payload]);
  return [bytes, 4, bytes.length] as const;
};
const dqt = (payload: readonly number[], defined = 0) => readQuantizationTables(...at4(payload), defined);
const dht = (payload: readonly number[], defined = 0) => readHuffmanTables(...at4(payload), defined);
const table8 = (id: number) => [id, ...new Array<number>(64).fill(1)];
const table16 = (id: number) => [0x10 | id, ...new Array<number>(128).fill(1)];
/** A Huffman table: class and id, the 16 counts, then as many symbols as the counts add up to. */
const huffman = (classId: number, counts: readonly number[], symbol = (k: number) => k & 15) => {
  const all = [...counts, ...new Array<number>(16 - counts.length).fill(0)];
  const total = all.reduce((sum, count) => sum + count, 0);
  return [classId, ...all, ...Array.from({ length: total }, (_, k) => symbol(k))];
};
const fault = { code: "corrupt_structure", message: expect.stringContaining("byte 0") };

describe("readQuantizationTables", () => {
  test("adds the ids of every table a segment holds, 8-bit or 16-bit", () => {
    expect(dqt(table8(0))).toBe(0b0001);
    expect(dqt([...table8(1), ...table16(3)], 0b0001)).toBe(0b1011);
  });

  test.each([
    ["an id over 3", table8(4)],
    ["a precision other than 8 or 16 bits", [0x20, ...new Array<number>(64).fill(1)]],
    ["a table one entry short", table8(0).slice(0, -1)],
    ["a byte after the last table", [...table8(0), 0]],
    ["no table at all", []],
  ])("refuses %s", (_name, payload) => {
    expect(dqt(payload)).toEqual(fault);
  });
});

describe("readHuffmanTables", () => {
  test("reads a DC and an AC table from one segment into bits 0-3 and 4-7", () => {
    const oneCode = [1];
    expect(dht([...huffman(0x00, oneCode), ...huffman(0x13, oneCode)])).toBe(0b1000_0001);
  });

  test("reads the standard luminance DC table of T.81 Annex K", () => {
    expect(dht(huffman(0x01, [0, 1, 5, 1, 1, 1, 1, 1, 1]))).toBe(0b0010);
  });

  test("takes three codes of length 2, which leave the all-ones code free", () => {
    expect(dht(huffman(0x10, [0, 3]))).toBe(0b1_0000);
  });

  test.each([
    ["two codes of length 1 (the all-ones code used)", huffman(0x00, [2])],
    ["four codes of length 2", huffman(0x10, [0, 4])],
    ["more codes than the lengths can hold", huffman(0x10, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2])],
    ["more than 256 symbols", huffman(0x10, [0, 0, 0, 0, 0, 0, 0, 0, 255, 2])],
    ["a DC symbol over 15 bits", huffman(0x00, [0, 1], () => 16)],
    ["a class other than DC and AC", huffman(0x20, [1])],
    ["an id over 3", huffman(0x04, [1])],
    ["counts cut short", [0x00, 1, 0, 0]],
    ["symbols cut short", huffman(0x00, [0, 3]).slice(0, -1)],
    ["a byte after the last table", [...huffman(0x00, [1]), 0]],
    ["no table at all", []],
  ])("refuses %s", (_name, payload) => {
    expect(dht(payload)).toEqual(fault);
  });

  test("takes AC symbols over 15 (run and size in one byte)", () => {
    expect(dht(huffman(0x10, [0, 2], () => 0xf0))).toBe(0b1_0000);
  });
});
