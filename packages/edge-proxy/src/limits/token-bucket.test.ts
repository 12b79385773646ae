import { describe, expect, it } from "vitest";
import { fullBucket, takeToken } from "./token-bucket.js";

const rule = { capacity: 3, refillPerSecond: 3 };

describe("takeToken", () => {
  it("allows a full burst, then refuses with the time until the next token", () => {
    let state = fullBucket(rule, 1_000);
    for (let i = 0; i < 3; i++) {
      const take = takeToken(state, rule, 1_000);
      expect(take.allowed).toBe(true);
      state = take.state;
    }
    const refused = takeToken(state, rule, 1_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(334);
  });

  it("refills with time, never above the capacity", () => {
    const empty = { tokens: 0, updatedAt: 0 };
    expect(takeToken(empty, rule, 200).allowed).toBe(false);
    const later = takeToken(empty, rule, 400);
    expect(later.allowed).toBe(true);
    expect(later.state.tokens).toBeCloseTo(0.2, 5);
    expect(takeToken(empty, rule, 60_000).state.tokens).toBe(2);
  });

  it("refills nothing when the clock goes backwards", () => {
    const take = takeToken({ tokens: 0.5, updatedAt: 5_000 }, rule, 1_000);
    expect(take.allowed).toBe(false);
    expect(take.state.tokens).toBe(0.5);
  });

  it("never allows a cost larger than the capacity and says so with an infinite wait when nothing refills", () => {
    const stuck = takeToken({ tokens: 0, updatedAt: 0 }, { capacity: 1, refillPerSecond: 0 }, 10);
    expect(stuck.allowed).toBe(false);
    expect(stuck.retryAfterMs).toBe(Number.POSITIVE_INFINITY);
  });
});
