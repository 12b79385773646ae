import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { constantTimeEqual } from "./constant-time-equal.js";

describe("constantTimeEqual", () => {
  test("agrees with === on strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b);
        expect(constantTimeEqual(a, a)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test("agrees with element-wise equality on bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), fc.uint8Array({ maxLength: 8 }), (a, b) => {
        const equal = a.length === b.length && a.every((byte, index) => byte === b[index]);
        expect(constantTimeEqual(a, b)).toBe(equal);
      }),
      { numRuns: 200 },
    );
  });

  test("tells apart values differing only in the last position or in length", () => {
    expect(constantTimeEqual("abcdef", "abcdeg")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
  });

  test("compares a string with bytes as UTF-8", () => {
    expect(constantTimeEqual("é", new Uint8Array([0xc3, 0xa9]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([0xc3, 0xa8]), "é")).toBe(false);
  });
});
