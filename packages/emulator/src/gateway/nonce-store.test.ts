import { describe, expect, it } from "vitest";
import { NonceStore } from "./nonce-store.js";

describe("NonceStore", () => {
  it("refuses a nonce seen before, per access key", () => {
    const store = new NonceStore();
    expect(store.remember("key-a", "n1", 0)).toBe(true);
    expect(store.remember("key-a", "n1", 1000)).toBe(false);
    expect(store.remember("key-b", "n1", 1000)).toBe(true);
  });

  it("forgets a nonce after the retention window", () => {
    const store = new NonceStore({ retentionMs: 100 });
    expect(store.remember("k", "n", 0)).toBe(true);
    expect(store.remember("k", "n", 99)).toBe(false);
    expect(store.remember("k", "n", 100)).toBe(true);
    expect(store.size).toBe(1);
  });

  it("stays within maxEntries by dropping the oldest", () => {
    const store = new NonceStore({ maxEntries: 3 });
    for (const nonce of ["a", "b", "c", "d"]) store.remember("k", nonce, 0);
    expect(store.size).toBe(3);
    expect(store.remember("k", "a", 1)).toBe(true);
    expect(store.remember("k", "d", 1)).toBe(false);
  });

  it("clear forgets everything", () => {
    const store = new NonceStore();
    store.remember("k", "n", 0);
    store.clear();
    expect(store.remember("k", "n", 0)).toBe(true);
  });
});
