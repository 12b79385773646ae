import { describe, expect, it } from "vitest";
import { seededRandom } from "./seeded-random.js";

describe("seededRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    const c = seededRandom(43);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it("stays in [0, 1) and spreads out", () => {
    const next = seededRandom(7);
    let below = 0;
    for (let i = 0; i < 10_000; i++) {
      const value = next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      if (value < 0.3) below++;
    }
    expect(below).toBeGreaterThan(2_700);
    expect(below).toBeLessThan(3_300);
  });
});
