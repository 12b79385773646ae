import { describe, expect, test } from "vitest";
import { isEmulatorUpstream } from "./upstream.js";

describe("isEmulatorUpstream", () => {
  test("the proxy npm start put in front of the emulator, however it is spelled", () => {
    const local = "http://127.0.0.1:8787";
    expect(isEmulatorUpstream("http://127.0.0.1:8787/", local)).toBe(true);
    expect(isEmulatorUpstream("http://localhost:8787", local)).toBe(true);
  });

  test("any other proxy, or no word from npm start, is not", () => {
    expect(isEmulatorUpstream("http://127.0.0.1:9999", "http://127.0.0.1:8787")).toBe(false);
    expect(isEmulatorUpstream("https://proxy.example.com", "http://127.0.0.1:8787")).toBe(false);
    expect(isEmulatorUpstream("http://127.0.0.1:8787", undefined)).toBe(false);
  });
});
