import { describe, expect, test } from "vitest";
import { jsonCursorAt } from "./json-cursor.js";

/** The cursor where "|" is in the text (the "|" itself removed). */
function at(marked: string) {
  const pos = marked.indexOf("|");
  return jsonCursorAt(marked.slice(0, pos) + marked.slice(pos + 1), pos);
}

describe("jsonCursorAt", () => {
  test("a property name being typed at the top level", () => {
    expect(at('{\n  "merchantBizId": "abc",\n  "mer|')).toEqual({
      kind: "key",
      path: [],
      from: 30,
      quoted: true,
      siblings: ["merchantBizId"],
    });
  });

  test("an empty slot for a key after a comma", () => {
    expect(at('{ "a": 1, | }')).toMatchObject({ kind: "key", path: [], quoted: false, siblings: ["a"] });
  });

  test("a value of a top-level key, quoted or bare", () => {
    expect(at('{ "faceQualityCheck": tr|')).toMatchObject({
      kind: "value",
      path: ["faceQualityCheck"],
      from: 22,
      quoted: false,
    });
    expect(at('{ "merchantBizId": "|" }')).toMatchObject({
      kind: "value",
      path: ["merchantBizId"],
      quoted: true,
    });
    expect(at('{ "faceQualityCheck": |')).toMatchObject({
      kind: "value",
      path: ["faceQualityCheck"],
      quoted: false,
    });
  });

  test("keys and values inside a nested object", () => {
    expect(at('{ "image": { "|" } }')).toMatchObject({
      kind: "key",
      path: ["image"],
      quoted: true,
      siblings: [],
    });
    expect(at('{ "image": { "url": "https://|" } }')).toMatchObject({
      kind: "value",
      path: ["image", "url"],
    });
    expect(at('{ "image": { "url": "x" }, "|')).toMatchObject({ kind: "key", path: [], siblings: ["image"] });
  });

  test("array items carry their index", () => {
    expect(at('{ "a": [1, 2, |] }')).toMatchObject({ kind: "value", path: ["a", 2] });
  });

  test("right after a key (before the colon) or after a complete value, nothing is completed", () => {
    expect(at('{ "a" | }')).toMatchObject({ kind: "none" });
    expect(at('{ "a": 1 | }')).toMatchObject({ kind: "none" });
    expect(at("{} |")).toMatchObject({ kind: "none" });
  });

  test("escaped quotes inside strings do not end them", () => {
    expect(at('{ "a": "say \\"hi\\"", "|')).toMatchObject({ kind: "key", siblings: ["a"] });
  });

  test("an empty document expects a value", () => {
    expect(at("|")).toMatchObject({ kind: "value", path: [], from: 0 });
  });
});

describe("jsonCursorAt on text the parser cannot read", () => {
  test("an unfinished string runs to the cursor, even right after a backslash or inside \\u", () => {
    expect(at('{ "image": { "url": "https://ex|')).toMatchObject({
      kind: "value",
      path: ["image", "url"],
      from: 20,
      quoted: true,
    });
    expect(at('{ "a": "x\\|')).toMatchObject({ kind: "value", path: ["a"], from: 7, quoted: true });
    expect(at('{ "a": "x\\u00|')).toMatchObject({ kind: "value", path: ["a"], from: 7, quoted: true });
  });

  test("a string ends at its line: the next line is outside it", () => {
    expect(at('{ "a": "x\n  |')).toMatchObject({ kind: "none", quoted: false });
  });

  test("a bare word being typed starts at its first character", () => {
    expect(at('{ "n": -1.|')).toMatchObject({ kind: "value", path: ["n"], from: 7, quoted: false });
  });
});
