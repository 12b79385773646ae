import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { byteSearcher } from "./byte-searcher.js";

const bytes = (text: string) => new TextEncoder().encode(text);

/** The plain search: every position in turn. */
function naiveIndexOf(haystack: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let at = Math.max(0, from); at + pattern.length <= haystack.length; at++) {
    if (pattern.every((byte, k) => haystack[at + k] === byte)) return at;
  }
  return -1;
}

describe("byteSearcher", () => {
  it.each([
    ["--b\r\n--b\r\n--b--", "--b", 0, 0],
    ["--b\r\n--b\r\n--b--", "--b", 1, 5],
    ["------", "--", 3, 3],
    ["abc", "abcd", 0, -1],
    ["", "a", 0, -1],
    ["xabcx", "abc", 0, 1],
    ["abcabc", "abc", 2, 3],
    ["abcabc", "abc", 4, -1],
  ])("finds %j in %j from %i at %i", (haystack, pattern, from, expected) => {
    expect(byteSearcher(bytes(pattern))(bytes(haystack), from)).toBe(expected);
  });

  it("refuses an empty pattern", () => {
    expect(() => byteSearcher(new Uint8Array(0))).toThrow(RangeError);
  });

  it("agrees with the plain search on random bytes with the pattern planted in them", () => {
    // Few distinct byte values, so partial and overlapping matches are common.
    const small = (maxLength: number) =>
      fc.uint8Array({ minLength: 1, maxLength }).map((array) => array.map((byte) => byte % 4));
    fc.assert(
      fc.property(small(6), fc.array(small(30)), fc.nat(200), (pattern, pieces, from) => {
        const haystack = new Uint8Array(pieces.flatMap((piece) => [...piece, ...pattern]));
        expect(byteSearcher(pattern)(haystack, from)).toBe(naiveIndexOf(haystack, pattern, from));
      }),
      { numRuns: 2_000 },
    );
  });
});
