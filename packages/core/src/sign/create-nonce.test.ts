import { describe, expect, test } from "vitest";
import { createNonce } from "./create-nonce.js";

describe("createNonce", () => {
  test("gives 32 lower-case hex digits", () => {
    expect(createNonce()).toMatch(/^[0-9a-f]{32}$/);
  });

  test("gives a different value every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
  });
});
