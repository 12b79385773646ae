import { walkPngChunks } from "@liveness-kit/core/png";
import { PNG } from "pngjs";
import { expect, test } from "vitest";
import { encodeRgbPng } from "./encode-png.js";

test("writes a sound truecolour PNG that another decoder reads back pixel for pixel", () => {
  const width = 5;
  const height = 3;
  const data = Uint8Array.from({ length: width * height * 4 }, (_, i) =>
    i % 4 === 3 ? 255 : (i * 37) & 255,
  );
  const bytes = encodeRgbPng({ width, height, data });
  expect(walkPngChunks(bytes)).toMatchObject({ width, height, bitDepth: 8, colorType: 2, interlaced: false });
  const decoded = PNG.sync.read(Buffer.from(bytes));
  expect(new Uint8Array(decoded.data)).toEqual(data);
});
