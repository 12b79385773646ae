import { describe, expect, it } from "vitest";
import { ObjectStore } from "./object-store.js";

const bytes = (n: number) => new Uint8Array(n);

describe("ObjectStore", () => {
  it("stores and returns objects by bucket and key", () => {
    const store = new ObjectStore();
    store.put("b", "k", bytes(3), "image/jpeg", 0);
    expect(store.get("b", "k", 1)?.bytes.length).toBe(3);
    expect(store.get("other", "k", 1)).toBeUndefined();
  });

  it("forgets objects after their time to live", () => {
    const store = new ObjectStore({ ttlMs: 100 });
    store.put("b", "k", bytes(1), "image/png", 0);
    expect(store.get("b", "k", 99)).toBeDefined();
    expect(store.get("b", "k", 100)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it("drops the oldest objects to stay within its byte budget", () => {
    const store = new ObjectStore({ maxTotalBytes: 10 });
    store.put("b", "1", bytes(4), "x", 0);
    store.put("b", "2", bytes(4), "x", 0);
    store.put("b", "3", bytes(4), "x", 0);
    expect(store.get("b", "1", 0)).toBeUndefined();
    expect(store.get("b", "2", 0)).toBeDefined();
    expect(store.get("b", "3", 0)).toBeDefined();
    store.put("b", "2", bytes(6), "x", 0);
    expect(store.get("b", "3", 0)).toBeDefined();
    expect(store.get("b", "2", 0)?.bytes.length).toBe(6);
    store.clear();
    expect(store.size).toBe(0);
  });
});
