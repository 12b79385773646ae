import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { percentEncode } from "./percent-encode.js";
import { anyText } from "./test-support/any-text.js";

// Plain references, written the obvious (slow) way.
function referenceFromEncodeUriComponent(value: string): string {
  return encodeURIComponent(value)
    .replace(/!/g, "%21")
    .replace(/'/g, "%27")
    .replace(/\(/g, "%28")
    .replace(/\)/g, "%29")
    .replace(/\*/g, "%2A");
}

function referenceFromBytes(value: string): string {
  const unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
  return Array.from(new TextEncoder().encode(value), (byte) => {
    const character = String.fromCharCode(byte);
    return unreserved.includes(character)
      ? character
      : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

describe("percentEncode", () => {
  test("keeps unreserved characters and encodes everything else in upper-case hex", () => {
    expect(percentEncode("AZaz09-_.~")).toBe("AZaz09-_.~");
    expect(percentEncode("a b")).toBe("a%20b");
    expect(percentEncode("!'()*")).toBe("%21%27%28%29%2A");
    expect(percentEncode("+/=&:")).toBe("%2B%2F%3D%26%3A");
    expect(percentEncode("é中😀")).toBe("%C3%A9%E4%B8%AD%F0%9F%98%80");
    expect(percentEncode("")).toBe("");
  });

  test("encodes a lone surrogate as U+FFFD instead of throwing", () => {
    expect(percentEncode("a\ud800b")).toBe("a%EF%BF%BDb");
    expect(percentEncode("\udfff")).toBe("%EF%BF%BD");
  });

  test("matches encodeURIComponent plus the five extra replacements on well-formed text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (value) => {
        expect(percentEncode(value)).toBe(referenceFromEncodeUriComponent(value));
      }),
      { numRuns: 200 },
    );
  });

  test("matches a byte-by-byte UTF-8 reference on any string, lone surrogates included", () => {
    fc.assert(
      fc.property(anyText(40), (value) => {
        expect(percentEncode(value)).toBe(referenceFromBytes(value));
      }),
      { numRuns: 200 },
    );
  });

  test("decodes back to the original well-formed text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (value) => {
        expect(decodeURIComponent(percentEncode(value))).toBe(value);
      }),
      { numRuns: 100 },
    );
  });
});
