import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDuplicateJsonKey } from "./find-duplicate-json-key.js";

describe("findDuplicateJsonKey", () => {
  it.each([
    ['{"a":1,"a":2}', "a"],
    ['{"a":1,"\\u0061":2}', "a"],
    ['{"x":{"b":1,"c":{"d":[{"e":1,"e":2}]}}}', "e"],
    ['[{"a":1},{"b":1,"b":1}]', "b"],
    ['{ "a" : 1 , "a"\n:\t2 }', "a"],
    ['{"\\"":1,"\\"":2}', '"'],
  ])("finds the repeated key of %s", (text, key) => {
    expect(findDuplicateJsonKey(text)).toBe(key);
  });

  it.each([
    '{"a":1,"b":{"a":1},"c":[{"a":1},{"a":2}]}',
    '{"a":"\\"a\\":1,","b":"a"}',
    '{"a":["a","a"],"b":"\\\\","c":"\\\\\\""}',
    '"a"',
    "[]",
    '{"a":"x","b":{}}',
  ])("finds none in %s", (text) => {
    expect(findDuplicateJsonKey(text)).toBeUndefined();
  });

  it("agrees with a parse-and-count oracle on random JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        // Any text JSON.stringify wrote has distinct keys; a key repeated by hand must be found.
        expect(findDuplicateJsonKey(text)).toBeUndefined();
        const doubled = text.replace(/^\{("(?:[^"\\]|\\.)*"):/, (_whole, key: string) => `{${key}:0,${key}:`);
        if (doubled !== text)
          expect(findDuplicateJsonKey(doubled)).toBe(
            JSON.parse(doubled.match(/^\{("(?:[^"\\]|\\.)*")/)?.[1] ?? '""'),
          );
      }),
    );
  });
});
