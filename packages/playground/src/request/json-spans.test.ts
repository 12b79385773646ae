import { describe, expect, test } from "vitest";
import { locatePath, parseJsonWithSpans } from "./json-spans.js";

describe("parseJsonWithSpans", () => {
  test("gives the same value as JSON.parse on valid documents", () => {
    for (const text of [
      '{"a":1,"b":[true,false,null],"c":{"d":"e\\u00e9\\n"}}',
      ' [ 1 , -2.5e3 , 0 , "x" ] ',
      '"just a string"',
      '{"__proto__": {"polluted": true}, "a": 1, "a": 2}',
      "{}",
      "[]",
    ]) {
      const parsed = parseJsonWithSpans(text);
      expect(parsed.ok, text).toBe(true);
      if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(text));
    }
    const proto = parseJsonWithSpans('{"__proto__": {"polluted": true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(proto.ok && Object.getPrototypeOf(proto.value)).toBe(Object.prototype);
  });

  test("refuses what JSON.parse refuses, with a position", () => {
    for (const text of [
      '{"a":1,}',
      "[1,]",
      "{a:1}",
      "'x'",
      '{"a" 1}',
      "01",
      "[1 2]",
      '"\\x"',
      "",
      "{} x",
      "tru",
    ]) {
      const parsed = parseJsonWithSpans(text);
      expect(parsed.ok, text).toBe(false);
      expect(() => JSON.parse(text), text).toThrow();
      if (!parsed.ok) {
        expect(parsed.error.from).toBeGreaterThanOrEqual(0);
        expect(parsed.error.from).toBeLessThanOrEqual(text.length);
        expect(parsed.error.message.length).toBeGreaterThan(5);
      }
    }
    const trailing = parseJsonWithSpans('{\n  "a": 1,\n}');
    expect(trailing).toMatchObject({ ok: false, error: { from: 12, message: "Trailing comma before }" } });
  });

  test("refuses very deep nesting instead of overflowing the stack", () => {
    const parsed = parseJsonWithSpans(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect(parsed).toMatchObject({ ok: false, error: { message: "Nested deeper than 256 levels" } });
  });

  test("records the range of keys and values", () => {
    const text = '{ "image": { "url": "http://x" }, "n": 5 }';
    const parsed = parseJsonWithSpans(text);
    if (!parsed.ok) throw new Error("should parse");
    const url = locatePath(parsed.root, ["image", "url"]);
    expect(url.exact).toBe(true);
    expect(text.slice(url.node.from, url.node.to)).toBe('"http://x"');
    expect(url.entry && text.slice(url.entry.keySpan.from, url.entry.keySpan.to)).toBe('"url"');
    const n = locatePath(parsed.root, ["n"]);
    expect(text.slice(n.node.from, n.node.to)).toBe("5");
  });
});

describe("locatePath", () => {
  test("stops at the deepest existing node when a key is missing", () => {
    const text = '{"image": {}}';
    const parsed = parseJsonWithSpans(text);
    if (!parsed.ok) throw new Error("should parse");
    const missing = locatePath(parsed.root, ["image", "base64"]);
    expect(missing.exact).toBe(false);
    expect(text.slice(missing.node.from, missing.node.to)).toBe("{}");
  });

  test("follows array indexes and takes the last of duplicate keys", () => {
    const text = '{"a": [10, 20], "a": [30, 40]}';
    const parsed = parseJsonWithSpans(text);
    if (!parsed.ok) throw new Error("should parse");
    const item = locatePath(parsed.root, ["a", 1]);
    expect(text.slice(item.node.from, item.node.to)).toBe("40");
    expect(locatePath(parsed.root, ["a", 5]).exact).toBe(false);
  });
});
