import fc from "fast-check";

/** One edit of a byte array; positions are taken modulo the length at the time of the edit. */
type ByteEdit =
  | { kind: "flip"; at: number; xor: number }
  | { kind: "set16"; at: number; value: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "delete"; at: number; count: number }
  | { kind: "truncate"; at: number };

/** Positions near the start (where headers, lengths and sizes live) four times as often as anywhere. */
const position = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_023 }) },
  { weight: 1, arbitrary: fc.nat() },
);

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: position, xor: fc.integer({ min: 1, max: 255 }) }),
  // Sizes and segment lengths are 16-bit big-endian: set them to extremes as often as to anything.
  fc.record({
    kind: fc.constant("set16" as const),
    at: position,
    value: fc.oneof(
      fc.constantFrom(0, 1, 2, 0x7fff, 0x8000, 0xfffe, 0xffff),
      fc.integer({ min: 0, max: 0xffff }),
    ),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: position, count: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: position }),
);

function applyEdit(bytes: Uint8Array, edit: ByteEdit): Uint8Array {
  if (bytes.byteLength === 0) return edit.kind === "insert" ? edit.bytes : bytes;
  const at = edit.at % bytes.byteLength;
  switch (edit.kind) {
    case "flip": {
      const out = bytes.slice();
      out[at] = (out[at] ?? 0) ^ edit.xor;
      return out;
    }
    case "set16": {
      const out = bytes.slice();
      out[at] = edit.value >> 8;
      if (at + 1 < out.byteLength) out[at + 1] = edit.value & 0xff;
      return out;
    }
    case "insert": {
      const out = new Uint8Array(bytes.byteLength + edit.bytes.byteLength);
      out.set(bytes.subarray(0, at));
      out.set(edit.bytes, at);
      out.set(bytes.subarray(at), at + edit.bytes.byteLength);
      return out;
    }
    case "delete": {
      const out = new Uint8Array(bytes.byteLength - Math.min(edit.count, bytes.byteLength - at));
      out.set(bytes.subarray(0, at));
      out.set(bytes.subarray(at + edit.count), at);
      return out;
    }
    case "truncate":
      return bytes.slice(0, at);
  }
}

/** One of `valid` (picked at random) with 1-8 random edits: flipped, overwritten, inserted or deleted bytes, or a cut. */
export function mutatedBytes(valid: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.constantFrom(...valid), fc.array(byteEdit, { minLength: 1, maxLength: 8 }))
    .map(([bytes, edits]) => edits.reduce(applyEdit, bytes));
}
