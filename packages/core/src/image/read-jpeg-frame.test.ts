import { expect, test } from "vitest";
import { readJpegFrame } from "./read-jpeg-frame.js";

// A frame header payload: precision, height, width, then id / sampling / table per component.
const frame = (
  components: readonly (readonly [number, number, number])[],
  precision = 8,
  size = [640, 480],
) => [
  precision,
  size[0]! >> 8,
  size[0]! & 255,
  size[1]! >> 8,
  size[1]! & 255,
  components.length,
  ...components.flat(),
];
const read = (payload: readonly number[], progressive = false) => {
  const bytes = Uint8Array.from([0xff, 0xc0, 0, 0, ...payload]);
  return readJpegFrame(bytes, 4, bytes.length, progressive);
};
const ycbcr = [
  [1, 0x22, 0],
  [2, 0x11, 1],
  [3, 0x11, 1],
] as const;

test("reads the components' ids and quantisation tables, and whether the frame is progressive", () => {
  expect(read(frame(ycbcr))).toEqual({ progressive: false, ids: [1, 2, 3], quantizationTables: [0, 1, 1] });
  expect(read(frame([[0, 0x11, 3]]), true)).toEqual({ progressive: true, ids: [0], quantizationTables: [3] });
});

test("calls a 12-bit frame an unsupported encoding", () => {
  expect(read(frame(ycbcr, 12))).toEqual({
    code: "unsupported_encoding",
    message: expect.stringContaining("12-bit"),
  });
});

test.each([
  ["no component", frame([])],
  ["five components", frame([...ycbcr, [4, 0x11, 0], [5, 0x11, 0]])],
  ["a length that does not match the components", [...frame(ycbcr), 0]],
  ["a component cut short", frame(ycbcr).slice(0, -1)],
  ["a sampling factor of 0", frame([[1, 0x01, 0]])],
  ["a sampling factor of 5", frame([[1, 0x51, 0]])],
  ["a quantisation table over 3", frame([[1, 0x11, 4]])],
  ["a height of 0", frame(ycbcr, 8, [0, 480])],
  ["a width of 0", frame(ycbcr, 8, [640, 0])],
  ["a payload of 3 bytes", [8, 0, 1]],
])("refuses %s as corrupt structure", (_name, payload) => {
  expect(read(payload)).toMatchObject({ code: "corrupt_structure" });
});
