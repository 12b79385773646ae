import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countOccurrences } from "./count-occurrences.js";

const bytes = (text: string) => new TextEncoder().encode(text);

/** The plain count: every position in turn, resuming after a match. */
function naiveCount(haystack: Uint8Array, pattern: Uint8Array, atMost: number): number {
  let count = 0;
  for (let at = 0; at + pattern.length <= haystack.length; ) {
    if (pattern.every((byte, k) => haystack[at + k] === byte)) {
      count++;
      if (count > atMost) break;
      at += pattern.length;
    } else at++;
  }
  return count;
}

describe("countOccurrences", () => {
  it.each([
    ["--b\r\n--b\r\n--b--", "--b", 3],
    ["------", "--", 3],
    ["aaaa", "aa", 2],
    ["abc", "abcd", 0],
    ["", "a", 0],
    ["xabcx", "abc", 1],
    ["abcabc", "abc", 2],
  ])("counts %j in %j: %i", (haystack, pattern, expected) => {
    expect(countOccurrences(bytes(haystack), bytes(pattern), 100)).toBe(expected);
  });

  it("stops once more than atMost are found", () => {
    expect(countOccurrences(bytes("ab".repeat(1000)), bytes("ab"), 8)).toBe(9);
  });

  it("refuses an empty pattern", () => {
    expect(() => countOccurrences(bytes("abc"), new Uint8Array(0), 1)).toThrow(RangeError);
  });

  it("agrees with the plain count on random bytes with the pattern planted in them", () => {
    const small = fc.uint8Array({ minLength: 1, maxLength: 6 }).map((array) => array.map((byte) => byte % 4));
    fc.assert(
      fc.property(
        small,
        fc.array(fc.uint8Array({ maxLength: 30 }).map((array) => array.map((byte) => byte % 5))),
        fc.integer({ min: 0, max: 10 }),
        (pattern, pieces, atMost) => {
          // Few distinct byte values, so partial and overlapping matches are common.
          const haystack = new Uint8Array(pieces.flatMap((piece) => [...piece, ...pattern]));
          expect(countOccurrences(haystack, pattern, atMost)).toBe(naiveCount(haystack, pattern, atMost));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
