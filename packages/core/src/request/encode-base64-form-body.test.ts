import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { encodeBase64FormBody, encodeTrustedBase64FormBody } from "./encode-base64-form-body.js";

const text = (bytes: Uint8Array | undefined) =>
  bytes === undefined ? undefined : new TextDecoder().decode(bytes);
// What Node's querystring.stringify({ [name]: value }) writes (it escapes the same characters as
// encodeURIComponent), as UTF-8 bytes.
const querystring = (value: string, name = "FacePictureBase64") =>
  `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;

const KEPT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
// Base64-alphabet text, from none to mostly characters that need encoding, long enough to cross the
// eight-character steps many times.
const base64Alphabet = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.array(fc.nat(), { maxLength: 300 }))
  .map(([percentEncoded, picks]) =>
    picks
      .map((pick) =>
        pick % 100 < percentEncoded ? "+/="[pick % 3] : KEPT[Math.floor(pick / 100) % KEPT.length],
      )
      .join(""),
  );

describe("encodeBase64FormBody", () => {
  test("writes the bytes Node's querystring writes (printed by Node 20)", () => {
    expect(text(encodeBase64FormBody("/9j/4A+Q+w=="))).toBe("FacePictureBase64=%2F9j%2F4A%2BQ%2Bw%3D%3D");
    expect(text(encodeBase64FormBody("YWJj"))).toBe("FacePictureBase64=YWJj");
    expect(text(encodeBase64FormBody(""))).toBe("FacePictureBase64=");
    expect(text(encodeBase64FormBody("ab+/", "a b"))).toBe("a%20b=ab%2B%2F");
  });

  test("equals querystring on any text over the base64 alphabet", () => {
    fc.assert(
      fc.property(base64Alphabet, (value) => {
        expect(text(encodeBase64FormBody(value))).toBe(querystring(value));
      }),
      { numRuns: 500 },
    );
  });

  test("is exact when nearly every character needs encoding (more than the first buffer holds)", () => {
    for (const value of ["/".repeat(1000), `${"A".repeat(999)}${"+".repeat(1001)}==`, "+/".repeat(4097)]) {
      const bytes = encodeBase64FormBody(value)!;
      expect(bytes.length).toBe(18 + value.length * 3 - 2 * (value.match(/[A-Z]/g)?.length ?? 0));
      expect(text(bytes)).toBe(querystring(value));
    }
  });

  test("is exact on a megabyte of random base64", () => {
    const random = new Uint8Array(600 * 1024);
    for (let offset = 0; offset < random.length; offset += 65_536) {
      crypto.getRandomValues(random.subarray(offset, offset + 65_536));
    }
    let binary = "";
    for (let offset = 0; offset < random.length; offset += 8192) {
      binary += String.fromCharCode(...random.subarray(offset, offset + 8192));
    }
    const value = btoa(binary);
    expect(text(encodeBase64FormBody(value))).toBe(querystring(value));
  });

  test("copies every run of eight letters and digits bit for bit (the 64-bit copy)", () => {
    // Each of the 62 characters at each of the eight places of a step, next to the lowest and highest ones.
    for (const char of KEPT) {
      for (let at = 0; at < 8; at++) {
        for (const fill of ["0", "z", "A", "9"]) {
          const value = `${fill.repeat(8 + at)}${char}${fill.repeat(15 - at)}`;
          expect(text(encodeBase64FormBody(value))).toBe(querystring(value));
        }
      }
    }
  });

  test("refuses any character outside A-Z a-z 0-9 + / =, wherever it stands", () => {
    const base = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo+/w==";
    for (const bad of [
      "-",
      "_",
      " ",
      "\n",
      "\u0000",
      "%",
      ".",
      "\u007f",
      "é",
      "\u0100",
      "\ud800",
      "\u{1F600}",
    ]) {
      for (let at = 0; at <= base.length; at++) {
        const value = base.slice(0, at) + bad + base.slice(at);
        expect(encodeBase64FormBody(value), `${JSON.stringify(bad)} at ${at}`).toBeUndefined();
      }
    }
  });

  test("property: undefined exactly when the text has a character outside the alphabet", () => {
    const mixed = fc.string({
      unit: fc.constantFrom(..."AZaz09+/=", "-", " ", "é", "\u0000"),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(base64Alphabet, mixed), (value) => {
        const bytes = encodeBase64FormBody(value);
        if (/[^A-Za-z0-9+/=]/.test(value)) expect(bytes).toBeUndefined();
        else expect(text(bytes)).toBe(querystring(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe("encodeTrustedBase64FormBody (for text that is base64 by construction)", () => {
  // Standard padded base64 of any bytes: from none to mostly "+" and "/" (0xfb 0xef 0xbe is "++++", 0xff "//").
  const base64OfBytes = fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.array(fc.nat({ max: 0xffff }), { maxLength: 400 }))
    .map(([flat, picks]) => {
      let binary = "";
      for (const pick of picks) {
        binary += String.fromCharCode(pick % 100 < flat ? [0xfb, 0xef, 0xbe, 0xff][pick % 4]! : pick >>> 8);
      }
      return btoa(binary);
    });

  test("writes the same bytes as encodeBase64FormBody on any standard base64", () => {
    fc.assert(
      fc.property(base64OfBytes, (value) => {
        expect(encodeTrustedBase64FormBody(value)).toEqual(encodeBase64FormBody(value));
      }),
      { numRuns: 500 },
    );
    for (const value of [
      "",
      "QQ==",
      "QUI=",
      "QUJD",
      "/w==",
      "+/+/",
      "QUJDREVG+w==",
      "QUJDREVGRw==",
      "QUJDREVGR0g=",
    ]) {
      expect(text(encodeTrustedBase64FormBody(value, "a b"))).toBe(querystring(value, "a b"));
    }
  });

  test("is exact when nearly every character needs encoding, and on a step's every place", () => {
    for (const value of ["/".repeat(1000), `${"A".repeat(999)}${"+".repeat(1001)}==`, "+/".repeat(4097)]) {
      expect(text(encodeTrustedBase64FormBody(value))).toBe(querystring(value));
    }
    for (const char of `${KEPT}+/`) {
      for (let at = 0; at < 8; at++) {
        const value = `${"z".repeat(8 + at)}${char}${"0".repeat(15 - at)}`;
        expect(text(encodeTrustedBase64FormBody(value))).toBe(querystring(value));
      }
    }
  });
});
