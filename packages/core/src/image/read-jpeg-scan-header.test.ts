import { describe, expect, test } from "vitest";
import type { JpegFrame } from "./read-jpeg-frame.js";
import { readJpegScanHeader } from "./read-jpeg-scan-header.js";

const sequential: JpegFrame = { progressive: false, ids: [1, 2, 3], quantizationTables: [0, 1, 1] };
const progressive: JpegFrame = { ...sequential, progressive: true };
/** Quantisation tables 0 and 1; Huffman DC 0-1 and AC 0-1. */
const ALL_TABLES = [0b0011, 0b0011_0011] as const;

/** An SOS payload: [id, tables] per component, then Ss, Se and Ah/Al. */
const sos = (members: readonly (readonly [number, number])[], ss = 0, se = 63, approximation = 0) => [
  members.length,
  ...members.flat(),
  ss,
  se,
  approximation,
];
const check = (
  frame: JpegFrame,
  payload: readonly number[],
  tables: readonly [number, number] = ALL_TABLES,
) => {
  const bytes = Uint8Array.from([0xff, 0xda, 0, 0, ...payload]);
  return readJpegScanHeader(bytes, 4, bytes.length, frame, ...tables);
};
const interleaved = [
  [1, 0x00],
  [2, 0x11],
  [3, 0x11],
] as const;

describe("a sequential scan", () => {
  test("may start when its components exist and their tables are defined", () => {
    expect(check(sequential, sos(interleaved))).toBeUndefined();
    expect(check(sequential, sos([[2, 0x11]]))).toBeUndefined();
  });

  test("is not judged on Ss, Se, Ah and Al, which decoders ignore there", () => {
    expect(check(sequential, sos(interleaved, 5, 2, 0xff))).toBeUndefined();
  });

  test.each([
    ["a component the frame does not have", sos([[4, 0x00]]), ALL_TABLES, "colour component"],
    ["its quantisation table undefined", sos([[2, 0x11]]), [0b0001, ALL_TABLES[1]], "(DQT)"],
    ["its DC table undefined", sos([[2, 0x11]]), [ALL_TABLES[0], 0b0011_0001], "(DHT)"],
    ["its AC table undefined", sos([[2, 0x11]]), [ALL_TABLES[0], 0b0001_0011], "(DHT)"],
    ["a table id over 3", sos([[1, 0x40]]), ALL_TABLES, "(SOS)"],
    ["no component", sos([]), ALL_TABLES, "(SOS)"],
    ["five components", sos([...interleaved, [1, 0], [2, 0]]), ALL_TABLES, "(SOS)"],
    ["a length that does not match", [...sos(interleaved), 0], ALL_TABLES, "(SOS)"],
  ] as const)("is refused with %s", (_name, payload, tables, words) => {
    expect(check(sequential, payload, tables)).toEqual({
      code: "corrupt_structure",
      message: expect.stringContaining(words),
    });
  });
});

describe("a progressive scan", () => {
  test.each([
    ["a DC first scan, needing DC tables only", sos(interleaved, 0, 0, 0x01), [ALL_TABLES[0], 0b0011]],
    ["a DC refinement, needing no Huffman table", sos(interleaved, 0, 0, 0x10), [ALL_TABLES[0], 0]],
    [
      "an AC scan of one component, needing its AC table",
      sos([[2, 0x01]], 1, 5, 0x00),
      [ALL_TABLES[0], 0b10_0000],
    ],
    ["an AC refinement", sos([[1, 0x00]], 6, 63, 0x21), [ALL_TABLES[0], 0b1_0000]],
  ] as const)("may start: %s", (_name, payload, tables) => {
    expect(check(progressive, payload, tables)).toBeUndefined();
  });

  test.each([
    ["a DC scan that reaches into AC", sos(interleaved, 0, 5)],
    ["an AC scan of two components", sos(interleaved.slice(0, 2), 1, 63)],
    ["Ss after Se", sos([[1, 0]], 9, 8)],
    ["Se over 63", sos([[1, 0]], 1, 64)],
    ["Al over 13", sos([[1, 0]], 1, 63, 0x0e)],
    ["a refinement whose Al is not Ah - 1", sos([[1, 0]], 1, 63, 0x20)],
  ])("is refused with %s", (_name, payload) => {
    expect(check(progressive, payload)).toMatchObject({ code: "corrupt_structure" });
  });

  test("an AC scan refused without its AC table, a DC first scan without its DC table", () => {
    expect(check(progressive, sos([[2, 0x01]], 1, 63), [ALL_TABLES[0], 0b01_0011])).toMatchObject({
      code: "corrupt_structure",
    });
    expect(check(progressive, sos([[2, 0x10]], 0, 0), [ALL_TABLES[0], 0b11_0001])).toMatchObject({
      code: "corrupt_structure",
    });
  });
});
