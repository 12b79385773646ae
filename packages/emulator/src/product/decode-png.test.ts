import { crc32, seededRandom } from "@liveness-kit/core/bytes";
import { PNG, type PNGOptions } from "pngjs";
import { describe, expect, it } from "vitest";
import { adam7Raw, buildPng } from "../test-support/png-bytes.js";
import { decodePng } from "./decode-png.js";
import { rgbaToLuminance } from "./luminance-plane.js";

const MAX = 2_200_000;

// A noisy RGBA test card: every filter type gets used by the encoder.
function card(width: number, height: number): PNG {
  const png = new PNG({ width, height });
  const random = seededRandom(5);
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = (i * 7) & 255;
    png.data[i * 4 + 1] = Math.floor(random() * 256);
    png.data[i * 4 + 2] = (i >> 3) & 255;
    png.data[i * 4 + 3] = 255;
  }
  return png;
}

/** pngjs as the reference: encode with it, decode with it, compare luminance. */
async function compare(options: PNGOptions, width = 37, height = 23) {
  const bytes = new Uint8Array(PNG.sync.write(card(width, height), options));
  const reference = PNG.sync.read(Buffer.from(bytes));
  const expected = rgbaToLuminance(new Uint8Array(reference.data), width, height).data;
  const decoded = await decodePng(bytes, MAX);
  expect(decoded?.width).toBe(width);
  expect(decoded?.height).toBe(height);
  const worst = Array.from(decoded?.data ?? []).reduce(
    (max, value, i) => Math.max(max, Math.abs(value - (expected[i] ?? 0))),
    0,
  );
  expect(worst).toBeLessThanOrEqual(1);
}

describe("decodePng", () => {
  it.each([
    ["RGB 8-bit", { colorType: 2 }],
    ["RGBA 8-bit", { colorType: 6 }],
    ["grey 8-bit", { colorType: 0 }],
    ["grey+alpha 8-bit", { colorType: 4 }],
    ["RGB 16-bit", { colorType: 2, bitDepth: 16 }],
    ["grey 16-bit", { colorType: 0, bitDepth: 16 }],
  ] as [string, PNGOptions][])("matches pngjs for %s", async (_, options) => {
    await compare(options);
  });

  it("decodes an Adam7-interlaced image", async () => {
    const png = buildPng({
      width: 11,
      height: 9,
      interlace: true,
      raw: adam7Raw(11, 9, (x, y) => x * 20 + y),
    });
    const plane = await decodePng(png, MAX);
    expect(plane?.data[0]).toBe(0);
    expect(plane?.data[10]).toBe(200);
    expect(plane?.data[8 * 11 + 3]).toBe(68);
  });

  it("decodes palette and 1-bit grey images", async () => {
    const plte = paletteChunk([255, 0, 0, 0, 0, 255]);
    const palette = withChunk(
      buildPng({ width: 3, height: 1, colorType: 3, bitDepth: 8, raw: new Uint8Array([0, 0, 1, 0]) }),
      plte,
    );
    expect(Array.from((await decodePng(palette, MAX))?.data ?? [])).toEqual([76, 29, 76]);
    const bits = buildPng({
      width: 9,
      height: 1,
      colorType: 0,
      bitDepth: 1,
      raw: new Uint8Array([0, 0b10100000, 0b10000000]),
    });
    expect(Array.from((await decodePng(bits, MAX))?.data ?? [])).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 255]);
  });

  it("stops an inflation bomb at the size the header implies", async () => {
    const bomb = buildPng({
      width: 480,
      height: 640,
      interlace: true,
      raw: new Uint8Array(64 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await decodePng(bomb, MAX)).toBeUndefined();
  });

  it("refuses too many pixels, truncated data, a bad CRC and what is not a PNG", async () => {
    const ok = buildPng({ width: 4, height: 2, raw: new Uint8Array(2 * 13) });
    expect(await decodePng(ok, MAX)).toBeDefined();
    expect(await decodePng(ok, 7)).toBeUndefined();
    expect(await decodePng(buildPng({ width: 4, height: 2, raw: new Uint8Array(13) }), MAX)).toBeUndefined();
    const corrupt = ok.slice();
    corrupt[20] = (corrupt[20] ?? 0) ^ 1;
    expect(await decodePng(corrupt, MAX)).toBeUndefined();
    expect(await decodePng(ok.slice(0, ok.length - 12), MAX)).toBeUndefined();
    expect(await decodePng(new TextEncoder().encode("not a png at all"), MAX)).toBeUndefined();
    expect(
      await decodePng(buildPng({ width: 1, height: 1, colorType: 5, raw: new Uint8Array(2) }), MAX),
    ).toBeUndefined();
    expect(
      await decodePng(buildPng({ width: 1, height: 1, colorType: 3, raw: new Uint8Array(2) }), MAX),
    ).toBeUndefined();
  });

  it("refuses an unknown filter type", async () => {
    expect(
      await decodePng(buildPng({ width: 1, height: 1, colorType: 0, raw: new Uint8Array([9, 0]) }), MAX),
    ).toBeUndefined();
  });
});

function paletteChunk(rgb: number[]): { type: string; data: Uint8Array } {
  return { type: "PLTE", data: new Uint8Array(rgb) };
}

// Inserts a chunk right after IHDR (8-byte signature + 25-byte IHDR chunk).
function withChunk(png: Uint8Array, chunk: { type: string; data: Uint8Array }): Uint8Array {
  const body = new Uint8Array(4 + chunk.data.length);
  body.set(new TextEncoder().encode(chunk.type));
  body.set(chunk.data, 4);
  const encoded = new Uint8Array(12 + chunk.data.length);
  const view = new DataView(encoded.buffer);
  view.setUint32(0, chunk.data.length);
  encoded.set(body, 4);
  view.setUint32(8 + chunk.data.length, crc32(body));
  const out = new Uint8Array(png.length + encoded.length);
  out.set(png.subarray(0, 33));
  out.set(encoded, 33);
  out.set(png.subarray(33), 33 + encoded.length);
  return out;
}
