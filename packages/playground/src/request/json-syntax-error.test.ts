import { describe, expect, test } from "vitest";
import { findSyntaxError } from "./json-syntax-error.js";
import { parseJsonTree } from "./json-tree.js";

const errorOf = (text: string) => findSyntaxError(parseJsonTree(text), text);

describe("findSyntaxError", () => {
  test("valid JSON has none", () => {
    for (const text of ['{"a": [1, -2.5e3, true, null, "\\u00e9"]}', " 0 ", '""'])
      expect(errorOf(text), text).toBeUndefined();
  });

  test("each error is placed where the text breaks and says what was expected there", () => {
    expect(errorOf('{"a": 1,}')).toEqual({ from: 8, to: 9, message: "Trailing comma before }" });
    expect(errorOf("[1,]")).toEqual({ from: 3, to: 4, message: "Trailing comma before ]" });
    expect(errorOf("{a: 1}")).toMatchObject({
      from: 1,
      message: 'Unexpected "a", expected a property name in double quotes',
    });
    expect(errorOf('{"a" 1}')).toMatchObject({ from: 5, message: 'Unexpected "1", expected ":"' });
    expect(errorOf("[1 2]")).toMatchObject({ from: 3, message: 'Unexpected "2", expected "," or "]"' });
    expect(errorOf("{} x")).toEqual({ from: 3, to: 4, message: 'Unexpected "x" after the JSON value' });
    expect(errorOf('{"a": ')).toEqual({
      from: 6,
      to: 6,
      message: "Unexpected end of input, expected a value",
    });
    expect(errorOf('{"a": 1')).toMatchObject({ message: 'Unexpected end of input, expected "," or "}"' });
    expect(errorOf("")).toMatchObject({ from: 0, message: "Unexpected end of input, expected a value" });
    expect(errorOf('{"a": "x\\q"}')).toMatchObject({
      from: 6,
      message: expect.stringMatching(/^Bad string/),
    });
  });

  test("refuses nesting deeper than 256 levels, at the first bracket too deep", () => {
    expect(errorOf(`${"[".repeat(256)}${"]".repeat(256)}`)).toBeUndefined();
    expect(errorOf(`${"[".repeat(257)}${"]".repeat(257)}`)).toEqual({
      from: 256,
      to: 257,
      message: "Nested deeper than 256 levels",
    });
  });
});
