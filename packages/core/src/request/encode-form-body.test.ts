import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { encodeBase64FormValue, encodeFormBody } from "./encode-form-body.js";

// Expected strings printed by Node 20's `querystring.stringify` for the same objects.
describe("encodeFormBody", () => {
  test("encodes base64 as querystring does: + / = become %2B %2F %3D", () => {
    expect(encodeFormBody({ FacePictureBase64: "ab+/cd==" })).toBe("FacePictureBase64=ab%2B%2Fcd%3D%3D");
  });

  test("keeps the characters querystring keeps and encodes UTF-8 like it", () => {
    expect(encodeFormBody({ "a b": "x y!*'()~-_.", ü: "€ &=?#%" })).toBe(
      "a%20b=x%20y!*'()~-_.&%C3%BC=%E2%82%AC%20%26%3D%3F%23%25",
    );
    expect(encodeFormBody({ k: "\u{1F600}" })).toBe("k=%F0%9F%98%80");
  });

  test("gives an empty body for no fields", () => {
    expect(encodeFormBody({})).toBe("");
  });
});

describe("encodeBase64FormValue", () => {
  test("encodes padding of one and two characters and unpadded text", () => {
    expect(encodeBase64FormValue("+/+/")).toBe("%2B%2F%2B%2F");
    expect(encodeBase64FormValue("ab/=")).toBe("ab%2F%3D");
    expect(encodeBase64FormValue("a+==")).toBe("a%2B%3D%3D");
    expect(encodeBase64FormValue("a+b")).toBe("a%2Bb");
    expect(encodeBase64FormValue("")).toBe("");
  });

  test("equals encodeURIComponent on any base64 text", () => {
    const base64Text = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(..."ABCXYZabcxyz0189+/"), maxLength: 200 }),
        fc.integer({ min: 0, max: 2 }),
      )
      .map(([data, pad]) => data + "=".repeat(pad));
    fc.assert(
      fc.property(base64Text, (text) => {
        expect(encodeBase64FormValue(text)).toBe(encodeURIComponent(text));
      }),
    );
  });
});
