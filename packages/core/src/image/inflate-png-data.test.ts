import { afterEach, describe, expect, test } from "vitest";
import { inflatePngData } from "./inflate-png-data.js";
import { makePngScanlines } from "./test-support/make-png-image.js";
import { compressZlib, makeStoredZlib, makeZlibBomb } from "./test-support/make-zlib.js";
import type { PngStructure } from "./walk-png-chunks.js";

const layout = { width: 13, height: 7, bitDepth: 8, colorType: 2, interlaced: false };
const scanlines = makePngScanlines(layout);
const png = (idat: readonly Uint8Array[], facts: Partial<PngStructure> = {}): PngStructure => ({
  end: 0,
  ...layout,
  ...facts,
  idat,
});
const codeOf = async (structure: PngStructure) => (await inflatePngData(structure))?.code ?? "ok";
/** `bytes` cut into pieces of `size` bytes, as IDAT chunks may cut a zlib stream anywhere. */
const pieces = (bytes: Uint8Array, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => bytes.subarray(k * size, (k + 1) * size));

describe("inflatePngData passes sound pixel data", () => {
  test("stored or compressed by real zlib, in one IDAT or cut into chunks of 1 byte", async () => {
    const stored = makeStoredZlib(scanlines);
    const compressed = await compressZlib(scanlines);
    expect(await codeOf(png([stored]))).toBe("ok");
    expect(await codeOf(png([compressed]))).toBe("ok");
    expect(await codeOf(png(pieces(compressed, 1)))).toBe("ok");
    expect(await codeOf(png([new Uint8Array(0), ...pieces(stored, 5), new Uint8Array(0)]))).toBe("ok");
  });

  test("interlaced, low bit depths, and more than 64 KiB (several stored blocks and inflated chunks)", async () => {
    for (const facts of [
      { width: 33, height: 9, colorType: 0, bitDepth: 1, interlaced: true },
      { width: 200, height: 150, colorType: 6, bitDepth: 8, interlaced: true },
      { width: 300, height: 100, colorType: 2, bitDepth: 16, interlaced: false },
    ]) {
      const data = makePngScanlines({ ...facts, interlace: facts.interlaced ? 1 : 0 });
      expect(await codeOf(png([makeStoredZlib(data)], facts))).toBe("ok");
      expect(await codeOf(png([await compressZlib(data)], facts))).toBe("ok");
    }
  });
});

describe("inflatePngData refuses damaged pixel data", () => {
  test.each([
    ["no data at all", []],
    ["5 bytes", [Uint8Array.of(0x78, 0x01, 3, 0, 0)]],
    ["a gzip stream", [Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3)]],
    ["a header check that fails", [Uint8Array.of(0x78, 0x02, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 1)]],
    ["a window over 32 KiB", [Uint8Array.of(0x88, 0x1c, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 1)]],
    ["a preset dictionary", [Uint8Array.of(0x78, 0xbb, 0, 0, 0, 1, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 1)]],
  ])("not a zlib stream: %s", async (_name, idat) => {
    expect(await inflatePngData(png(idat))).toEqual({
      code: "corrupt_data",
      message: expect.stringContaining("not a zlib stream"),
    });
  });

  test("deflate data that does not inflate", async () => {
    const stream = makeStoredZlib(scanlines);
    // A stored block whose length and its complement disagree.
    stream[5]! ^= 0xff;
    expect(await codeOf(png([stream]))).toBe("corrupt_data");
    const random = Uint8Array.from({ length: 400 }, (_, k) => (k * 89 + 7) & 255);
    expect(await codeOf(png([Uint8Array.of(0x78, 0x9c), random]))).not.toBe("ok");
  });

  test("a flipped pixel byte, which only the Adler-32 can tell", async () => {
    const stream = makeStoredZlib(scanlines);
    stream[40]! ^= 0x10;
    // Node and Bun's inflaters check the Adler-32 themselves and fail; Deno's leaves it to this check.
    expect(await codeOf(png([stream]))).toBe("corrupt_data");
  });

  test("a stream cut before its Adler-32, or followed by data, whatever the runtime's inflater says", async () => {
    for (const stream of [makeStoredZlib(scanlines), await compressZlib(scanlines)]) {
      expect(await codeOf(png([stream.subarray(0, -4)]))).toBe("corrupt_data");
      expect(await codeOf(png([stream.subarray(0, -1)]))).toBe("corrupt_data");
      expect(await codeOf(png([stream, Uint8Array.of(1, 2, 3, 4, 5, 6)]))).toBe("corrupt_data");
    }
  });

  test("a scanline with a filter type over 4", async () => {
    const data = scanlines.slice();
    data[2 * (1 + 13 * 3)] = 5;
    expect(await inflatePngData(png([makeStoredZlib(data)]))).toEqual({
      code: "corrupt_data",
      message: expect.stringContaining(`filter type at inflated byte ${2 * 40}`),
    });
  });

  test("fewer or more rows than IHDR says", async () => {
    const short = makePngScanlines({ ...layout, height: 6 });
    expect(await inflatePngData(png([makeStoredZlib(short)]))).toEqual({
      code: "size_mismatch",
      message: expect.stringContaining(
        `inflates to ${short.length} bytes; the ${scanlines.length} bytes a 13x7 image needs`,
      ),
    });
    const long = makePngScanlines({ ...layout, height: 8 });
    expect(await inflatePngData(png([await compressZlib(long)]))).toEqual({
      code: "size_mismatch",
      message: expect.stringContaining(`more than the ${scanlines.length} bytes a 13x7 image needs`),
    });
  });

  test("a non-interlaced stream under an interlaced header: rows where the passes expect none", async () => {
    // Whichever is met first: a row byte where a pass's filter type should be, or the wrong size.
    expect(["corrupt_data", "size_mismatch"]).toContain(
      await codeOf(png([makeStoredZlib(scanlines)], { interlaced: true })),
    );
  });
});

describe("inflatePngData on a zlib bomb", () => {
  const Real = globalThis.DecompressionStream;
  afterEach(() => {
    globalThis.DecompressionStream = Real;
  });

  test("stops inflating soon after the expected size, however much the stream holds", async () => {
    const bomb = await makeZlibBomb(64);
    // Counts what the inflater hands on, by putting a counting stage behind the runtime's own.
    let inflated = 0;
    globalThis.DecompressionStream = class {
      readonly writable: WritableStream<BufferSource>;
      readonly readable: ReadableStream<Uint8Array<ArrayBuffer>>;
      constructor(format: CompressionFormat) {
        const real = new Real(format);
        this.writable = real.writable;
        this.readable = real.readable.pipeThrough(
          new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
            transform(chunk, controller) {
              inflated += chunk.byteLength;
              controller.enqueue(chunk);
            },
          }),
        );
      }
    } as typeof DecompressionStream;
    const facts = { width: 480, height: 640, colorType: 2, bitDepth: 8, interlaced: false };
    const fault = await inflatePngData(png([bomb], facts));
    expect(fault).toEqual({ code: "size_mismatch", message: expect.stringContaining("stopped there") });
    expect(bomb.length).toBeLessThan(100_000);
    expect(inflated).toBeGreaterThan(640 * 1441);
    // 64 MiB were on offer. The overshoot is what the pieces in flight inflate to: a few chunks in Node,
    // workerd and Bun (under 1 MiB), one whole piece in Deno (about 16 MiB); never the whole bomb.
    expect(inflated).toBeLessThan(32 << 20);
  });
});
