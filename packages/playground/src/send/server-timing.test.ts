import { describe, expect, test } from "vitest";
import { parseServerTiming } from "./server-timing.js";

describe("parseServerTiming", () => {
  test("reads the proxy's three phases", () => {
    expect(parseServerTiming("validate;dur=1.2, sign;dur=0.35, upstream;dur=118")).toEqual([
      { name: "validate", duration: 1.2 },
      { name: "sign", duration: 0.35 },
      { name: "upstream", duration: 118 },
    ]);
  });

  test("keeps descriptions, including quoted commas and semicolons and escapes", () => {
    expect(parseServerTiming('upstream;desc="ap-southeast-1, retry; 2";dur=50, cache;desc=miss')).toEqual([
      { name: "upstream", duration: 50, description: "ap-southeast-1, retry; 2" },
      { name: "cache", description: "miss" },
    ]);
    expect(parseServerTiming('x;desc="say \\"hi\\""')).toEqual([{ name: "x", description: 'say "hi"' }]);
  });

  test("the first dur wins, bad durations are dropped, parameter names are case-insensitive", () => {
    expect(parseServerTiming("a;DUR=5;dur=7, b;dur=abc, c;dur=-1")).toEqual([
      { name: "a", duration: 5 },
      { name: "b" },
      { name: "c" },
    ]);
  });

  test("skips malformed metrics and accepts empty input", () => {
    expect(parseServerTiming("")).toEqual([]);
    expect(parseServerTiming(null)).toEqual([]);
    expect(parseServerTiming(' , "quoted";dur=1, ok;dur=2, bad name;dur=3')).toEqual([
      { name: "ok", duration: 2 },
    ]);
  });
});
