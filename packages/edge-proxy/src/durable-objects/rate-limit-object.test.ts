import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("RateLimitObject", () => {
  it("allows the burst, then refuses with the time until the next token", async () => {
    const bucket = env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName(`test:${crypto.randomUUID()}`));
    // A slow refill, so the test's own pace cannot add a token.
    const rule = { capacity: 3, refillPerSecond: 0.05 };
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await bucket.take(rule));
    expect(decisions.slice(0, 3).every((decision) => decision.allowed)).toBe(true);
    expect(decisions[3]?.allowed).toBe(false);
    expect(decisions[3]?.retryAfterMs).toBeGreaterThan(15_000);
    expect(decisions[3]?.retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it("keeps separate buckets for separate names", async () => {
    const rule = { capacity: 1, refillPerSecond: 0.001 };
    const a = env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName(`test:${crypto.randomUUID()}`));
    const b = env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName(`test:${crypto.randomUUID()}`));
    expect((await a.take(rule)).allowed).toBe(true);
    expect((await a.take(rule)).allowed).toBe(false);
    expect((await b.take(rule)).allowed).toBe(true);
  });

  it("answers a bounded wait when the bucket never refills", async () => {
    const bucket = env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName(`test:${crypto.randomUUID()}`));
    const rule = { capacity: 1, refillPerSecond: 0 };
    await bucket.take(rule);
    expect((await bucket.take(rule)).retryAfterMs).toBe(3_600_000);
  });
});
