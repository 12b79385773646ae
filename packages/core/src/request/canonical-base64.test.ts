import fc from "fast-check";
import { expect, test } from "vitest";
import { base64ToBytes, bytesToBase64 } from "../image/base64.js";
import { isCanonicalBase64Of } from "./canonical-base64.js";

test("property: what bytesToBase64 writes is canonical for its bytes", () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 100 }), (bytes) => {
      expect(isCanonicalBase64Of(bytesToBase64(bytes), bytes)).toBe(true);
    }),
  );
});

test.each([
  ["unpadded", "/9j/4A+Q+w"],
  ["padding bits set (a decoder drops them)", "/9j/4A+Q+x=="],
])("refuses text that decodes to the same bytes but is not canonical: %s", (_name, text) => {
  const bytes = base64ToBytes("/9j/4A+Q+w==");
  expect(base64ToBytes(text)).toEqual(bytes);
  expect(isCanonicalBase64Of(text, bytes)).toBe(false);
});

test("refuses text of another length, and empty bytes", () => {
  expect(isCanonicalBase64Of("AAAAAAAA", new Uint8Array(3))).toBe(false);
  expect(isCanonicalBase64Of("", new Uint8Array(0))).toBe(false);
});
