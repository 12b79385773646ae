import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ascii } from "./test-support/make-jpeg.js";
import { makePng } from "./test-support/make-png.js";
import { makePngImage, pngChunk, pngChunkOffsets } from "./test-support/make-png-image.js";
import { walkPngChunks } from "./walk-png-chunks.js";

const codeOf = (bytes: Uint8Array) => {
  const result = walkPngChunks(bytes);
  return "code" in result ? result.code : "ok";
};
const text = (words: string) => Uint8Array.from(ascii(words));
const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const join = (...parts: readonly Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
const ihdr = (width: number, height: number, bitDepth: number, colorType: number, rest = [0, 0, 0]) =>
  pngChunk(
    "IHDR",
    Uint8Array.from([
      0,
      0,
      width >> 8,
      width & 255,
      0,
      0,
      height >> 8,
      height & 255,
      bitDepth,
      colorType,
      ...rest,
    ]),
  );
const idat = pngChunk("IDAT", Uint8Array.of(0x78, 0x01, 1, 0, 0, 0xff, 0xff, 0, 0, 0, 1));
const iend = pngChunk("IEND", new Uint8Array(0));
const plte = pngChunk("PLTE", new Uint8Array(6));

describe("walkPngChunks passes sound files", () => {
  test("reads IHDR's facts and returns the IDAT data, in order, over several chunks", () => {
    const png = makePngImage({
      width: 13,
      height: 7,
      colorType: 6,
      bitDepth: 16,
      interlace: 1,
      idatChunks: 3,
    });
    const result = walkPngChunks(png);
    expect(result).toMatchObject({ width: 13, height: 7, bitDepth: 16, colorType: 6, interlaced: true });
    if ("code" in result) return;
    const idats = pngChunkOffsets(png).filter((chunk) => chunk.type === "IDAT");
    expect(result.idat.map((part) => part.length)).toEqual(idats.map((chunk) => chunk.length));
    expect(result.idat[0]![0]).toBe(0x78);
  });

  test("returns the palette of a palette image, and none for a true-colour one", () => {
    const colours = Uint8Array.of(10, 20, 30, 40, 50, 60);
    const result = walkPngChunks(join(SIGNATURE, ihdr(1, 1, 8, 3), pngChunk("PLTE", colours), idat, iend));
    expect(result).toMatchObject({ colorType: 3, palette: colours });
    expect(walkPngChunks(makePngImage({ width: 2, height: 2 }))).not.toHaveProperty("palette");
  });

  test.each([
    [0, [1, 2, 4, 8, 16]],
    [2, [8, 16]],
    [3, [1, 2, 4, 8]],
    [4, [8, 16]],
    [6, [8, 16]],
  ])("takes colour type %i at bit depths %j", (colorType, depths) => {
    for (const bitDepth of depths)
      expect(codeOf(makePngImage({ width: 5, height: 3, colorType, bitDepth }))).toBe("ok");
  });

  test("ancillary chunks anywhere, an optional PLTE for RGB, bytes after IEND, empty IDAT chunks", () => {
    const png = makePngImage({
      width: 4,
      height: 4,
      before: [
        ["PLTE", new Uint8Array(9)],
        ["tEXt", text("Comment\0hello")],
      ],
      after: [["zzZz", new Uint8Array(3)]],
    });
    expect(codeOf(png)).toBe("ok");
    expect(codeOf(join(png, text("trailing data a camera appended")))).toBe("ok");
    expect(codeOf(join(SIGNATURE, ihdr(1, 1, 8, 0), idat, pngChunk("IDAT", new Uint8Array(0)), iend))).toBe(
      "ok",
    );
  });
});

describe("walkPngChunks refuses damaged files", () => {
  const png = makePngImage({
    width: 6,
    height: 5,
    colorType: 3,
    bitDepth: 2,
    idatChunks: 2,
    before: [["gAMA", Uint8Array.of(0, 0, 0xb1, 0x8f)]],
  });

  test("a flipped bit anywhere in a chunk's type, data or CRC is a bad checksum (or an invalid type)", () => {
    for (const chunk of pngChunkOffsets(png)) {
      for (let at = chunk.offset + 4; at < chunk.offset + 12 + chunk.length; at++) {
        const damaged = png.slice();
        damaged[at]! ^= 1 << (at % 8);
        // A flip in the type may give a byte that is no letter: then the type itself is refused first.
        const expected = at < chunk.offset + 8 ? ["bad_checksum", "corrupt_structure"] : ["bad_checksum"];
        expect(expected, `${chunk.type} byte ${at}`).toContain(codeOf(damaged));
      }
    }
  });

  test("the message of a bad checksum names the chunk and its offset", () => {
    const damaged = png.slice();
    const second = pngChunkOffsets(png).filter((chunk) => chunk.type === "IDAT")[1]!;
    damaged[second.offset + 9]! ^= 0x80;
    expect(walkPngChunks(damaged)).toEqual({
      code: "bad_checksum",
      message: expect.stringContaining(`IDAT chunk at byte ${second.offset}`),
    });
  });

  test("every cut is truncated, and so is a file without IEND", () => {
    for (let cut = 8; cut < png.length; cut++)
      expect(codeOf(png.subarray(0, cut)), `cut at ${cut}`).toBe("truncated");
    expect(codeOf(makePngImage({ width: 4, height: 4, omitIend: true }))).toBe("truncated");
  });

  test.each([
    [
      "a first chunk other than IHDR",
      [pngChunk("tEXt", text("a\0b")), ihdr(1, 1, 8, 0), idat, iend],
      "not IHDR",
    ],
    ["a second IHDR", [ihdr(1, 1, 8, 0), ihdr(1, 1, 8, 0), idat, iend], "second IHDR"],
    ["an IHDR of 12 bytes", [pngChunk("IHDR", new Uint8Array(12)), idat, iend], "IHDR"],
    ["a width of 0", [ihdr(0, 1, 8, 0), idat, iend], "IHDR"],
    ["RGB at bit depth 4", [ihdr(1, 1, 4, 2), idat, iend], "IHDR"],
    ["colour type 5", [ihdr(1, 1, 8, 5), idat, iend], "IHDR"],
    ["compression method 1", [ihdr(1, 1, 8, 0, [1, 0, 0]), idat, iend], "IHDR"],
    ["filter method 1", [ihdr(1, 1, 8, 0, [0, 1, 0]), idat, iend], "IHDR"],
    ["interlace method 2", [ihdr(1, 1, 8, 0, [0, 0, 2]), idat, iend], "IHDR"],
    ["a palette image without PLTE", [ihdr(1, 1, 8, 3), idat, iend], "PLTE"],
    ["PLTE after IDAT", [ihdr(1, 1, 8, 3), plte, idat, plte, iend], "PLTE"],
    ["PLTE in a grey image", [ihdr(1, 1, 8, 0), plte, idat, iend], "PLTE"],
    ["a PLTE of 4 bytes", [ihdr(1, 1, 8, 3), pngChunk("PLTE", new Uint8Array(4)), idat, iend], "PLTE"],
    ["a PLTE of 257 colours", [ihdr(1, 1, 8, 3), pngChunk("PLTE", new Uint8Array(771)), idat, iend], "PLTE"],
    [
      "IDAT chunks apart",
      [ihdr(1, 1, 8, 0), idat, pngChunk("tEXt", text("a\0b")), idat, iend],
      "consecutive",
    ],
    ["no IDAT", [ihdr(1, 1, 8, 0), iend], "no image data"],
    ["a non-empty IEND", [ihdr(1, 1, 8, 0), idat, pngChunk("IEND", new Uint8Array(1))], "IEND"],
    [
      "a chunk type with a digit",
      [ihdr(1, 1, 8, 0), pngChunk("tE1t", new Uint8Array(0)), idat, iend],
      "type",
    ],
  ])("%s is corrupt structure", (_name, chunks, words) => {
    expect(walkPngChunks(join(SIGNATURE, ...chunks))).toEqual({
      code: "corrupt_structure",
      message: expect.stringContaining(words),
    });
  });

  test("a chunk length over 2^31 - 1 is corrupt structure, a length past the end truncated", () => {
    const huge = join(
      SIGNATURE,
      ihdr(1, 1, 8, 0),
      Uint8Array.of(0x80, 0, 0, 0, ...ascii("IDAT")),
      new Uint8Array(8),
    );
    expect(codeOf(huge)).toBe("corrupt_structure");
    const long = join(
      SIGNATURE,
      ihdr(1, 1, 8, 0),
      Uint8Array.of(0, 1, 0, 0, ...ascii("IDAT")),
      new Uint8Array(8),
    );
    expect(codeOf(long)).toBe("truncated");
  });

  test("an unknown critical chunk is an unsupported encoding; an unknown ancillary one is skipped", () => {
    expect(codeOf(join(SIGNATURE, ihdr(1, 1, 8, 0), pngChunk("CgBI", new Uint8Array(4)), idat, iend))).toBe(
      "unsupported_encoding",
    );
    expect(codeOf(join(SIGNATURE, ihdr(1, 1, 8, 0), pngChunk("cgBI", new Uint8Array(4)), idat, iend))).toBe(
      "ok",
    );
  });

  test("the header-only PNGs of the header tests, which have no IDAT, are refused", () => {
    expect(codeOf(makePng({ width: 720, height: 960 }))).toBe("corrupt_structure");
  });
});

test("random bytes after the signature, or a sound file with bytes overwritten, never make it throw", () => {
  const judged = (bytes: Uint8Array) => {
    const result = walkPngChunks(bytes);
    if ("code" in result) expect(result.message.length).toBeGreaterThan(10);
  };
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 400 }).map((tail) => join(SIGNATURE, tail)),
      judged,
    ),
    {
      numRuns: 300,
    },
  );
  const sound = makePngImage({ width: 9, height: 9, colorType: 3, bitDepth: 4 });
  const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 6,
  });
  fc.assert(
    fc.property(edits, (changes) => {
      const bytes = sound.slice();
      for (const [at, value] of changes) bytes[8 + (at % (bytes.length - 8))] = value;
      judged(bytes);
    }),
    { numRuns: 500 },
  );
});
