import { describe, expect, test } from "vitest";
import { readReceivedHeaders } from "./received-headers.js";

describe("readReceivedHeaders", () => {
  test("reads a Headers object with lower-case names", () => {
    const map = readReceivedHeaders(new Headers({ "X-Acs-Date": "d", Host: "h" }));
    expect([...map]).toEqual([
      ["host", "h"],
      ["x-acs-date", "d"],
    ]);
  });

  test("reads a plain object, lower-casing names and joining repeats and arrays with ', '", () => {
    const map = readReceivedHeaders({
      "X-Acs-Foo": "a",
      "x-acs-foo": "b",
      accept: ["x", "y"],
      skipped: undefined,
    });
    expect(map.get("x-acs-foo")).toBe("a, b");
    expect(map.get("accept")).toBe("x, y");
    expect(map.has("skipped")).toBe(false);
  });

  test("skips values that are not strings and tolerates a missing object", () => {
    expect(readReceivedHeaders({ a: 1 } as never).size).toBe(0);
    expect(readReceivedHeaders(null as never).size).toBe(0);
  });
});
