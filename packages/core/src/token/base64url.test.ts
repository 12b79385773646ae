import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { base64UrlToBytes, bytesToBase64Url } from "./base64url.js";

describe("base64url", () => {
  test("encodes RFC 4648 examples without padding, with - and _", () => {
    expect(bytesToBase64Url(new TextEncoder().encode("foob"))).toBe("Zm9vYg");
    expect(bytesToBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("-_-_");
    expect(bytesToBase64Url(new Uint8Array(0))).toBe("");
  });

  test("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(base64UrlToBytes(bytesToBase64Url(bytes))).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  test("refuses a last character with unused bits set (two spellings of the same bytes)", () => {
    expect(base64UrlToBytes("Zm9vYg")).toEqual(new TextEncoder().encode("foob"));
    expect(base64UrlToBytes("Zm9vYh")).toBeUndefined();
    expect(base64UrlToBytes("Zm9vYmE")).toEqual(new TextEncoder().encode("fooba"));
    expect(base64UrlToBytes("Zm9vYmF")).toBeUndefined();
  });

  test.each(["Zm9vYg==", "Zm9v+g", "Zm9v/g", "Zm9 vYg", "Z", "Zm9vY", "é"])("refuses %j", (text) => {
    expect(base64UrlToBytes(text)).toBeUndefined();
  });
});
