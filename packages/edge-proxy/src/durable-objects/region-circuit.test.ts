import { abortAllDurableObjects } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const rule = { failureThreshold: 2, cooldownMs: 60_000, probeTimeoutMs: 1_000 };

function circuit() {
  return env.REGION_CIRCUITS.get(env.REGION_CIRCUITS.idFromName(`test|${crypto.randomUUID()}`));
}

describe("RegionCircuit", () => {
  it("admits while closed and says when a success need not be recorded", async () => {
    const stub = circuit();
    expect(await stub.admit(rule, "a")).toEqual({ allowed: true, retryAfterMs: 0, clean: true });
    await stub.record(rule, "failed", "a");
    expect(await stub.admit(rule, "a")).toEqual({ allowed: true, retryAfterMs: 0, clean: false });
  });

  it("opens after the threshold from two callers and refuses with the remaining cool-down", async () => {
    const stub = circuit();
    await stub.record(rule, "failed", "a");
    await stub.record(rule, "failed", "a");
    expect((await stub.inspect()).status).toBe("closed");
    await stub.record(rule, "failed", "b");
    const decision = await stub.admit(rule, "c");
    expect(decision.allowed).toBe(false);
    expect(decision.retryAfterMs).toBeGreaterThan(50_000);
    expect((await stub.inspect()).status).toBe("open");
  });

  it("keeps an open circuit open when the object is restarted", async () => {
    const name = `test|${crypto.randomUUID()}`;
    const stub = env.REGION_CIRCUITS.get(env.REGION_CIRCUITS.idFromName(name));
    await stub.record(rule, "failed", "a");
    await stub.record(rule, "failed", "b");
    await abortAllDurableObjects();
    const again = env.REGION_CIRCUITS.get(env.REGION_CIRCUITS.idFromName(name));
    expect((await again.admit(rule, "c")).allowed).toBe(false);
  });
});
