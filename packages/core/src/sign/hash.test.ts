import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { hmacSha256Hex, sha256Hex, utf8Bytes } from "./hash.js";
import { anyText } from "./test-support/any-text.js";

describe("sha256Hex", () => {
  test("hashes the FIPS 180-2 examples and the empty body", async () => {
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  test("hashes text as UTF-8", async () => {
    expect(await sha256Hex("é")).toBe(await sha256Hex(new Uint8Array([0xc3, 0xa9])));
  });

  test("hashes only the bytes a view covers", async () => {
    const buffer = new Uint8Array([0x00, 0x61, 0x62, 0x63, 0xff]);
    expect(await sha256Hex(buffer.subarray(1, 4))).toBe(await sha256Hex("abc"));
  });
});

describe("hmacSha256Hex", () => {
  test("matches RFC 4231 test case 2", async () => {
    expect(await hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  test("accepts a key as bytes (RFC 4231 test case 1)", async () => {
    const key = new Uint8Array(20).fill(0x0b);
    expect(await hmacSha256Hex(key, "Hi There")).toBe(
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    );
  });

  test("accepts an empty key, which Web Crypto alone refuses", async () => {
    expect(await hmacSha256Hex("", "")).toBe(
      "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad",
    );
  });
});

describe("utf8Bytes", () => {
  test("agrees with TextEncoder on any text, ASCII or not, lone surrogates included", () => {
    fc.assert(
      fc.property(anyText(64), fc.string({ maxLength: 64 }), (other, ascii) => {
        for (const text of [ascii, other, `${ascii}${other}`, `${other}${ascii}`]) {
          expect(utf8Bytes(text)).toEqual(new TextEncoder().encode(text));
        }
      }),
      { numRuns: 200 },
    );
  });
});
