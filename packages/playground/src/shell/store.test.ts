import { describe, expect, test } from "vitest";
import { createStore } from "./store.js";

describe("createStore", () => {
  test("merges patches into a new state object and notifies with the previous one", () => {
    const store = createStore({ a: 1, b: "x" });
    const before = store.get();
    const seen: [number, number][] = [];
    store.subscribe((next, previous) => seen.push([next.a, previous.a]));
    store.set({ a: 2 });
    store.set((state) => ({ a: state.a + 1 }));
    expect(store.get()).toEqual({ a: 3, b: "x" });
    expect(before).toEqual({ a: 1, b: "x" });
    expect(seen).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  test("watch fires only when the selected value changes; unsubscribe stops it", () => {
    const store = createStore({ a: 1, b: "x" });
    const seen: string[] = [];
    const stop = store.watch(
      (state) => state.b,
      (value, previous) => seen.push(`${previous}->${value}`),
    );
    store.set({ a: 5 });
    store.set({ b: "y" });
    stop();
    store.set({ b: "z" });
    expect(seen).toEqual(["x->y"]);
  });
});
