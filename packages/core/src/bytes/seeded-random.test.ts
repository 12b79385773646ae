import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededBytes, seededRandom } from "./seeded-random.js";

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

describe("seededBytes", () => {
  it("gives the same bytes for a seed, and a shorter run is a prefix of a longer one", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.integer(), (a, b, seed) => {
        const long = seededBytes(Math.max(a, b), seed);
        expect(seededBytes(Math.min(a, b), seed)).toEqual(long.subarray(0, Math.min(a, b)));
      }),
      { numRuns: 100 },
    );
  });

  it("uses every byte value about equally often (chi-square well under the 0.1% critical value)", () => {
    const bytes = seededBytes(256 * 400, 1);
    const counts = new Array<number>(256).fill(0);
    for (const byte of bytes) counts[byte]! += 1;
    const chiSquare = counts.reduce((sum, count) => sum + (count - 400) ** 2 / 400, 0);
    // 255 degrees of freedom: the 0.1% critical value is about 330.
    expect(chiSquare).toBeLessThan(330);
    expect(seededBytes(64, 2)).not.toEqual(seededBytes(64, 3));
  });
});
