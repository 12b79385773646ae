import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { seededBytes } from "../bytes/seeded-random.js";
import { makeJpeg } from "./test-support/make-jpeg.js";
import { makeMultiScanJpeg } from "./test-support/make-multi-scan-jpeg.js";
import { walkJpegStructure } from "./walk-jpeg-structure.js";

/** A one-scan JPEG (as makeJpeg writes it) in parts: the segments before the scan, the scan header, the data. */
function split(jpeg: Uint8Array) {
  const segments: Uint8Array[] = [];
  let i = 2;
  for (;;) {
    const length = (jpeg[i + 2]! << 8) | jpeg[i + 3]!;
    const segment = jpeg.subarray(i, i + 2 + length);
    i += 2 + length;
    if (segment[1] === 0xda) return { segments, sos: segment, data: jpeg.subarray(i, jpeg.length - 2) };
    segments.push(segment);
  }
}
const join = (...parts: readonly (Uint8Array | readonly number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => [...part]));
const SOI = [0xff, 0xd8];
const EOI = [0xff, 0xd9];
const marker = (code: number) => (segment: Uint8Array) => segment[1] === code;
/** A segment of `code` with `payload`. */
const segment = (code: number, payload: readonly number[]) => [
  0xff,
  code,
  (payload.length + 2) >> 8,
  (payload.length + 2) & 255,
  ...payload,
];
/** The fault a walk found (undefined for a sound file, for which the walk gives where it ends). */
const faultOf = (bytes: Uint8Array) => {
  const result = walkJpegStructure(bytes);
  return typeof result === "number" ? undefined : result;
};
const codeOf = (bytes: Uint8Array) => faultOf(bytes)?.code;

const baseline = makeJpeg({ width: 720, height: 960, orientation: 6 });
const parts = split(baseline);
const VALID: readonly (readonly [string, Uint8Array])[] = [
  ["a baseline JPEG with EXIF", baseline],
  ["a DC-only progressive JPEG", makeJpeg({ width: 480, height: 640, sof: 0xc2 })],
  ["an extended sequential (SOF1) JPEG", makeJpeg({ width: 480, height: 640, sof: 0xc1 })],
  ["a padded JPEG of 600 KB", makeJpeg({ width: 480, height: 640, size: 600_000 })],
  ["a colour baseline JPEG", makeMultiScanJpeg({ width: 480, height: 640 })],
  [
    "a grey baseline JPEG with restart markers",
    makeMultiScanJpeg({ width: 64, height: 96, components: 1, restartInterval: 5 }),
  ],
  ["a colour progressive JPEG of 6 scans", makeMultiScanJpeg({ width: 480, height: 640, progressive: true })],
  [
    "a progressive JPEG with restart markers",
    makeMultiScanJpeg({ width: 64, height: 96, progressive: true, restartInterval: 7 }),
  ],
];

describe("walkJpegStructure passes sound files", () => {
  test.each(VALID)("%s", (_name, bytes) => {
    expect(walkJpegStructure(bytes)).toBe(bytes.length);
  });

  test("entropy-coded data with stuffed zeros, RST0-7 and fill bytes", () => {
    const data = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0xff, 0xd7, 0x56, 0xff, 0xff, 0x00, 0x78, 0xff, 0xff];
    const file = join(SOI, ...parts.segments, parts.sos, data, EOI);
    expect(walkJpegStructure(file)).toBe(file.length);
  });

  test("bytes after EOI: a camera's trailer, another JPEG, noise; the image ends at its EOI", () => {
    for (const tail of [seededBytes(4096, 7), baseline, [0xff, 0xd9, 0xff]]) {
      expect(walkJpegStructure(join(baseline, tail))).toBe(baseline.length);
    }
  });

  test("stray bytes and fill bytes between segments, and RST or TEM outside a scan, as libjpeg takes them", () => {
    const [app0, ...rest] = parts.segments;
    const file = join(
      SOI,
      app0!,
      [0x00, 0x00, 0xff, 0x00],
      [0xff, 0xff],
      [0xff, 0xd3, 0xff, 0x01],
      ...rest,
      parts.sos,
      parts.data,
      EOI,
    );
    expect(walkJpegStructure(file)).toBe(file.length);
  });

  test("tables and comments between scans, and tables redefined", () => {
    const between = join(segment(0xfe, [1, 2, 3]), parts.segments.find(marker(0xc4))!, segment(0xdd, [0, 4]));
    const file = join(SOI, ...parts.segments, parts.sos, parts.data, between, parts.sos, parts.data, EOI);
    expect(walkJpegStructure(file)).toBe(file.length);
  });
});

describe("walkJpegStructure refuses damaged files", () => {
  test("every cut, anywhere, is truncated: no file without EOI passes", () => {
    for (const [, bytes] of VALID.filter(([, b]) => b.length < 5000)) {
      for (let cut = 2; cut < bytes.length; cut++) {
        expect(codeOf(bytes.subarray(0, cut)), `cut at ${cut}`).toBe("truncated");
      }
    }
    expect(faultOf(baseline.subarray(0, -2))?.message).toContain("without its end marker (EOI)");
  });

  test("an impossible byte pair in the entropy-coded data is corrupt data, wherever it stands", () => {
    const garbage = seededBytes(5000, 3).map((b) => (b === 0xff ? 0xfe : b));
    for (const at of [0, 1, 2500, 4998]) {
      for (const code of [0x3a, 0x01, 0xd8, 0xc0, 0xc3, 0xf0]) {
        const data = join(garbage.subarray(0, at), [0xff, code], garbage.subarray(at));
        const fault = walkJpegStructure(join(SOI, ...parts.segments, parts.sos, data, EOI));
        expect(fault, `0xFF 0x${code.toString(16)} at ${at}`).toMatchObject({ code: "corrupt_data" });
      }
    }
  });

  test("a real header followed by random bytes is refused, seed after seed", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const file = join(SOI, ...parts.segments, parts.sos, seededBytes(20_000, seed), EOI);
      expect(["corrupt_data", "corrupt_structure", "truncated"], `seed ${seed}`).toContain(codeOf(file));
    }
  });

  test.each([
    ["a reserved marker", [0xff, 0x02]],
    ["a JPG extension marker", [0xff, 0xf0]],
    ["a second SOI", [0xff, 0xd8]],
    ["a segment whose length is below 2", [0xff, 0xfe, 0x00, 0x01]],
  ])("%s among the segments is corrupt structure", (_name, bytes) => {
    const file = join(SOI, parts.segments[0]!, bytes, ...parts.segments.slice(1), parts.sos, parts.data, EOI);
    expect(codeOf(file)).toBe("corrupt_structure");
  });

  test.each([
    ["no quantisation table", (s: Uint8Array) => s[1] !== 0xdb, "(DQT)"],
    ["no Huffman table", (s: Uint8Array) => s[1] !== 0xc4, "(DHT)"],
    ["no frame header", (s: Uint8Array) => s[1] !== 0xc0, "frame header"],
  ])("a scan with %s before it is corrupt structure", (_name, keep, words) => {
    const file = join(SOI, ...parts.segments.filter(keep), parts.sos, parts.data, EOI);
    expect(walkJpegStructure(file)).toEqual({
      code: "corrupt_structure",
      message: expect.stringContaining(words),
    });
  });

  test("tables sent only after the scan that needs them are corrupt structure", () => {
    const tables = parts.segments.filter(marker(0xc4));
    const file = join(
      SOI,
      ...parts.segments.filter((s) => s[1] !== 0xc4),
      parts.sos,
      parts.data,
      ...tables,
      EOI,
    );
    expect(codeOf(file)).toBe("corrupt_structure");
  });

  test("a second frame header, before or after a scan", () => {
    const sof = parts.segments.find(marker(0xc0))!;
    expect(codeOf(join(SOI, ...parts.segments, sof, parts.sos, parts.data, EOI))).toBe("corrupt_structure");
    expect(codeOf(join(SOI, ...parts.segments, parts.sos, parts.data, sof, EOI))).toBe("corrupt_data");
  });

  test("once the image data has begun, stray bytes or a lone marker after a segment are corrupt data", () => {
    const comment = segment(0xfe, [1, 2, 3]);
    for (const stray of [[0x00], [0xff, 0x00], [0xff, 0xd0], [0xff, 0x01]]) {
      const file = join(
        SOI,
        ...parts.segments,
        parts.sos,
        parts.data,
        comment,
        stray,
        parts.sos,
        parts.data,
        EOI,
      );
      expect(walkJpegStructure(file), `${stray}`).toMatchObject({ code: "corrupt_data" });
    }
  });

  test("EOI before any scan is corrupt structure", () => {
    expect(faultOf(join(SOI, ...parts.segments, EOI))?.message).toContain("before any image data");
  });

  test("a restart interval segment of the wrong length is corrupt structure", () => {
    const file = join(SOI, ...parts.segments, segment(0xdd, [0, 4, 0]), parts.sos, parts.data, EOI);
    expect(codeOf(file)).toBe("corrupt_structure");
  });

  test.each([
    [0xc3, "lossless"],
    [0xc5, "hierarchical"],
    [0xc9, "arithmetic"],
    [0xca, "arithmetic"],
    [0xcf, "arithmetic"],
  ])("a frame of SOF 0x%s is an unsupported encoding (%s)", (sof, words) => {
    const fault = walkJpegStructure(makeJpeg({ width: 480, height: 640, sof }));
    expect(fault).toEqual({ code: "unsupported_encoding", message: expect.stringContaining(words) });
  });

  test("a 12-bit JPEG is an unsupported encoding", () => {
    expect(codeOf(makeJpeg({ width: 480, height: 640, precision: 12 }))).toBe("unsupported_encoding");
  });

  test("a file that is no JPEG", () => {
    expect(codeOf(Uint8Array.of(0x89, 0x50))).toBe("unknown_format");
    expect(codeOf(new Uint8Array(0))).toBe("unknown_format");
  });
});

describe("walkJpegStructure on hostile input (properties)", () => {
  const judged = (bytes: Uint8Array) => {
    const result = walkJpegStructure(bytes);
    // A sound file ends at its EOI, inside the bytes; anything else is a fault with a message.
    if (typeof result === "number") expect(result).toBeGreaterThan(2);
    if (typeof result === "number") expect(result).toBeLessThanOrEqual(bytes.length);
    else expect(result.message.length).toBeGreaterThan(10);
  };

  test("random bytes after SOI never make it throw", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }).map((tail) => join(SOI, tail)),
        judged,
      ),
      {
        numRuns: 500,
      },
    );
  });

  test("random segments and random scan data never make it throw", () => {
    const anySegment = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 80 }))
      .map(([code, payload]) => segment(code, [...payload]));
    const file = fc
      .tuple(fc.array(anySegment, { maxLength: 12 }), fc.uint8Array({ maxLength: 300 }), fc.boolean())
      .map(([segments, data, eoi]) => join(SOI, ...segments, data, eoi ? EOI : []));
    fc.assert(fc.property(file, judged), { numRuns: 500 });
  });

  test("a sound file with bytes overwritten is either still sound or refused, never a throw", () => {
    const files = VALID.map(([, bytes]) => bytes).filter((bytes) => bytes.length < 20_000);
    const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.constantFrom(...files), edits, (original, changes) => {
        const bytes = original.slice();
        for (const [at, value] of changes) bytes[at % bytes.length] = value;
        judged(bytes);
      }),
      { numRuns: 1000 },
    );
  });
});
