import { abortAllDurableObjects } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { GateRequest } from "./region-gate.js";

const circuit = { failureThreshold: 2, cooldownMs: 60_000, probeTimeoutMs: 1_000 };
const roomy = { capacity: 100, refillPerSecond: 100 };
const origin = "https://alibaba.test";

function gate(name = `test|${crypto.randomUUID()}`) {
  return env.REGIONS.get(env.REGIONS.idFromName(name));
}

function ask(caller: string, bucket = roomy): GateRequest {
  return { origin, circuit, bucket, caller };
}

describe("RegionGate", () => {
  it("admits while closed and says when a success need not be recorded", async () => {
    const stub = gate();
    expect(await stub.pass(ask("a"))).toEqual({ allowed: true, retryAfterMs: 0, clean: true, probe: false });
    await stub.record(origin, circuit, "failed", "a");
    expect(await stub.pass(ask("a"))).toMatchObject({ allowed: true, clean: false });
  });

  it("opens after the threshold from two callers and refuses with the remaining cool-down", async () => {
    const stub = gate();
    await stub.record(origin, circuit, "failed", "a");
    await stub.record(origin, circuit, "failed", "a");
    expect((await stub.inspect(origin)).status).toBe("closed");
    await stub.record(origin, circuit, "failed", "b");
    const decision = await stub.pass(ask("c"));
    expect(decision).toMatchObject({ allowed: false, refusedBy: "circuit" });
    expect(decision.retryAfterMs).toBeGreaterThan(50_000);
    expect((await stub.inspect(origin)).status).toBe("open");
    // Another endpoint of the region has its own circuit.
    expect((await stub.pass({ ...ask("c"), origin: "https://other.test" })).allowed).toBe(true);
  });

  it("spends no token when the circuit refuses", async () => {
    const stub = gate();
    const bucket = { capacity: 2, refillPerSecond: 0.001 };
    await stub.record(origin, circuit, "failed", "a");
    await stub.record(origin, circuit, "failed", "b");
    expect((await stub.pass(ask("a", bucket))).refusedBy).toBe("circuit");
    // The region's two tokens are still there (one per caller: each may use half).
    expect((await stub.take(bucket, "a")).allowed).toBe(true);
    expect((await stub.take(bucket, "b")).allowed).toBe(true);
    expect((await stub.take(bucket, "c")).allowed).toBe(false);
  });

  it("gives one caller at most half of the region's burst", async () => {
    const stub = gate();
    const bucket = { capacity: 10, refillPerSecond: 0.001 };
    const taken = [];
    for (let i = 0; i < 7; i++) taken.push((await stub.pass(ask("burst", bucket))).allowed);
    expect(taken.filter(Boolean)).toHaveLength(5);
    expect(await stub.pass(ask("other", bucket))).toMatchObject({ allowed: true });
  });

  it("takes the tokens of a pass back, and frees a trial it held", async () => {
    const stub = gate();
    const bucket = { capacity: 2, refillPerSecond: 0.001 };
    const first = await stub.pass(ask("a", bucket));
    expect(first.allowed).toBe(true);
    expect((await stub.pass(ask("a", bucket))).refusedBy).toBe("rate");
    await stub.giveBack(ask("a", bucket), first);
    expect((await stub.pass(ask("a", bucket))).allowed).toBe(true);

    const quick = { ...circuit, cooldownMs: 1 };
    const probing = gate();
    await probing.record(origin, quick, "failed", "a");
    await probing.record(origin, quick, "failed", "b");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const trial = await probing.pass({ ...ask("a"), circuit: quick });
    expect(trial).toMatchObject({ allowed: true, probe: true });
    expect((await probing.pass({ ...ask("b"), circuit: quick })).refusedBy).toBe("circuit");
    await probing.giveBack({ ...ask("a"), circuit: quick }, trial);
    expect(await probing.pass({ ...ask("b"), circuit: quick })).toMatchObject({ allowed: true, probe: true });
  });

  it("keeps an open circuit open when the object is restarted", async () => {
    const name = `test|${crypto.randomUUID()}`;
    await gate(name).record(origin, circuit, "failed", "a");
    await gate(name).record(origin, circuit, "failed", "b");
    await abortAllDurableObjects();
    expect((await gate(name).pass(ask("c"))).allowed).toBe(false);
  });
});
