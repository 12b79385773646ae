import { describe, expect, test } from "vitest";
import { canonicalPath } from "./canonical-path.js";

describe("canonicalPath", () => {
  test("is / for RPC calls", () => {
    expect(canonicalPath("/")).toBe("/");
    expect(canonicalPath("")).toBe("/");
  });

  test("encodes each segment by the signature's rules, whatever encoding arrived", () => {
    expect(canonicalPath("/a b/c*d")).toBe("/a%20b/c%2Ad");
    expect(canonicalPath("/a%20b/c%2ad")).toBe("/a%20b/c%2Ad");
    expect(canonicalPath("/clusters/x~y/")).toBe("/clusters/x~y/");
  });

  test("keeps an encoded slash inside a segment and a stray percent sign", () => {
    expect(canonicalPath("/a%2Fb")).toBe("/a%2Fb");
    expect(canonicalPath("/100%")).toBe("/100%25");
  });
});
