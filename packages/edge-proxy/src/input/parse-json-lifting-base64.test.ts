import { base64ToBytes, bytesToBase64 } from "@liveness-kit/core/image";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonLiftingBase64 } from "./parse-json-lifting-base64.js";

/** Standard base64 of `bytes` pseudo-random bytes (with "+" and "/" among them). */
function base64Of(length: number, seed = 7): string {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 2654435761 + seed) >>> 24;
  return bytesToBase64(bytes);
}

const PICTURE = base64Of(9_000);
const body = (base64: string, extra = "") => `{"merchantUserId":"u","image":{"base64":"${base64}"}${extra}}`;

/** The result of `JSON.parse`, or the fact that it threw. */
function oracle(text: string): { value: unknown } | "throws" {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return "throws";
  }
}

function lifting(text: string): { value: unknown } | "throws" {
  try {
    return { value: parseJsonLiftingBase64(text).value };
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return "throws";
  }
}

describe("parseJsonLiftingBase64", () => {
  it("lifts the picture's base64 out of the text and hands it back decoded, the value equal to JSON.parse's", () => {
    const text = body(PICTURE);
    const parsed = parseJsonLiftingBase64(text);
    expect(parsed.value).toEqual(JSON.parse(text));
    expect(parsed.lifted?.text).toBe(PICTURE);
    expect(parsed.lifted?.bytes).toEqual(base64ToBytes(PICTURE));
    expect(parsed.prototypeKey).toBe(false);
  });

  it("lifts only the longest string value, never a key", () => {
    const shorter = base64Of(6_000, 1);
    const text = `{"${PICTURE}":1,"a":"${shorter}","b":["${base64Of(7_000, 2)}"]}`;
    const parsed = parseJsonLiftingBase64(text);
    expect(parsed.value).toEqual(JSON.parse(text));
    expect(parsed.lifted?.text).toBe(base64Of(7_000, 2));
  });

  it.each([
    ["a short string", body("QUJD")],
    ["a string with an escaped slash", body(PICTURE.replace("/", "\\/"))],
    ["text that is not base64", body(`${"a".repeat(5_000)} b`)],
    ["base64 with a line break escaped", body(`${PICTURE.slice(0, 76)}\\n${PICTURE.slice(76)}`)],
    ["base64url", body(PICTURE.replaceAll("+", "-").replaceAll("/", "_"))],
  ])("parses %s whole, as JSON.parse does", (_name, text) => {
    const parsed = parseJsonLiftingBase64(text);
    expect(parsed.lifted).toBeUndefined();
    expect(parsed.value).toEqual(JSON.parse(text));
  });

  it("parses a body that holds the stand-in value itself whole, so it keeps its own value", () => {
    const text = body(PICTURE, ',"note":"\\u0000liveness-kit:lifted-base64"');
    const parsed = parseJsonLiftingBase64(text);
    expect(parsed.lifted).toBeUndefined();
    expect(parsed.value).toEqual(JSON.parse(text));
  });

  it.each([
    ["a raw line break inside the base64", body(`${PICTURE.slice(0, 76)}\n${PICTURE.slice(76)}`)],
    ["a raw control character inside it", body(`${PICTURE.slice(0, 76)}\u0001${PICTURE.slice(76)}`)],
    ["the base64 left unclosed at the end", `"${PICTURE}`],
    ["the object left unclosed after it", `{"image":{"base64":"${PICTURE}"}`],
    ["a missing comma after it", `{"a":"${PICTURE}" "b":1}`],
    ["a trailing comma after it", `{"a":"${PICTURE}",}`],
  ])("throws a SyntaxError for %s, as JSON.parse does", (_name, text) => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(() => parseJsonLiftingBase64(text)).toThrow(SyntaxError);
  });

  it("reports an own __proto__ key, lifted or not", () => {
    expect(parseJsonLiftingBase64(body(PICTURE, ',"__proto__":{}')).prototypeKey).toBe(true);
    expect(parseJsonLiftingBase64('{"__proto__":1}').prototypeKey).toBe(true);
  });

  it("agrees with JSON.parse on random JSON holding long base64, and on every one-character change of it", () => {
    const longBase64 = fc
      .tuple(fc.integer({ min: 3_100, max: 4_000 }), fc.integer({ min: 0, max: 255 }))
      .map(([length, seed]) => base64Of(length, seed));
    const withPicture = fc
      .tuple(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), longBase64)
      .map(([object, picture]) => JSON.stringify({ ...object, image: { base64: picture } }, null, 1));
    const change = fc.tuple(fc.nat(), fc.constantFrom("", '"', "\\", ",", "}", "]", ":", " ", "A", "\n"));
    fc.assert(
      fc.property(withPicture, change, (text, [at, insert]) => {
        expect(lifting(text)).toEqual(oracle(text));
        const position = at % (text.length + 1);
        // Replace one character (or delete it, inserting nothing).
        const changed = text.slice(0, position) + insert + text.slice(position + 1);
        expect(lifting(changed)).toEqual(oracle(changed));
      }),
      { numRuns: 300 },
    );
  });
});
