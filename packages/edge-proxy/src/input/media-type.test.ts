import { describe, expect, it } from "vitest";
import { isUtf8OrUnspecified, parseMediaType } from "./media-type.js";

describe("parseMediaType", () => {
  it("reads the essence and the parameters, quoted or not", () => {
    const type = parseMediaType('Multipart/Form-Data; Boundary="a b\\"c"; charset=UTF-8');
    expect(type.essence).toBe("multipart/form-data");
    expect(type.parameters.get("boundary")).toBe('a b"c');
    expect(type.parameters.get("charset")).toBe("UTF-8");
    expect(parseMediaType(null)).toEqual({ essence: "", parameters: new Map() });
  });

  it("keeps the first of a repeated parameter", () => {
    expect(parseMediaType("application/json; charset=utf-8; charset=utf-16").parameters.get("charset")).toBe(
      "utf-8",
    );
  });
});

describe("isUtf8OrUnspecified", () => {
  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["application/json; charset=UTF8", true],
    ['application/json; charset="utf-8"', true],
    ["application/json; charset=utf-16", false],
    ["application/json; charset=iso-8859-1", false],
    ["application/json; charset=", false],
  ])("%s: %s", (header, expected) => {
    expect(isUtf8OrUnspecified(parseMediaType(header))).toBe(expected);
  });
});
