import { abortAllDurableObjects, runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const roomy = { capacity: 100, refillPerSecond: 100 };

function gate() {
  return env.CALLERS.get(env.CALLERS.idFromName(`test:${crypto.randomUUID()}`));
}

describe("CallerGate", () => {
  it("admits the burst, then refuses with the time until the next token", async () => {
    const stub = gate();
    // A slow refill, so the test's own pace cannot add a token.
    const rule = { capacity: 3, refillPerSecond: 0.05 };
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await stub.admit(rule));
    expect(decisions.slice(0, 3)).toEqual([{ kind: "admitted" }, { kind: "admitted" }, { kind: "admitted" }]);
    expect(decisions[3]?.kind).toBe("rate_limited");
    const retryAfterMs = decisions[3]?.kind === "rate_limited" ? decisions[3].retryAfterMs : 0;
    expect(retryAfterMs).toBeGreaterThan(15_000);
    expect(retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it("answers a bounded wait when the bucket never refills", async () => {
    const stub = gate();
    const rule = { capacity: 1, refillPerSecond: 0 };
    await stub.admit(rule);
    expect(await stub.admit(rule)).toEqual({ kind: "rate_limited", retryAfterMs: 3_600_000 });
  });

  it("admits a token once; every later use is a replay and spends no rate", async () => {
    const stub = gate();
    const token = { id: crypto.randomUUID(), expiresAtMs: Date.now() + 60_000 };
    const rule = { capacity: 1, refillPerSecond: 0 };
    expect(await stub.admit(rule, token)).toEqual({ kind: "admitted" });
    expect(await stub.admit(roomy, token)).toEqual({ kind: "token_replayed" });
    expect(await stub.admit(rule, { ...token, id: crypto.randomUUID() })).toMatchObject({
      kind: "rate_limited",
    });
  });

  it("refuses all but one of concurrent uses of a token", async () => {
    const stub = gate();
    const token = { id: crypto.randomUUID(), expiresAtMs: Date.now() + 60_000 };
    const decisions = await Promise.all(Array.from({ length: 5 }, () => stub.admit(roomy, token)));
    expect(decisions.filter((decision) => decision.kind === "admitted")).toHaveLength(1);
  });

  it("remembers a used token when the object is restarted, and forgets it once expired", async () => {
    const name = `test:${crypto.randomUUID()}`;
    const token = { id: crypto.randomUUID(), expiresAtMs: Date.now() + 60_000 };
    expect(await env.CALLERS.get(env.CALLERS.idFromName(name)).admit(roomy, token)).toEqual({
      kind: "admitted",
    });
    await abortAllDurableObjects();
    const again = env.CALLERS.get(env.CALLERS.idFromName(name));
    expect(await again.admit(roomy, token)).toEqual({ kind: "token_replayed" });
    // The alarm forgets only what has expired.
    expect(await runDurableObjectAlarm(again)).toBe(true);
    expect(await again.admit(roomy, token)).toEqual({ kind: "token_replayed" });
    const shortLived = { id: crypto.randomUUID(), expiresAtMs: Date.now() + 50 };
    const fresh = gate();
    expect(await fresh.admit(roomy, shortLived)).toEqual({ kind: "admitted" });
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Its alarm may already have run by itself; if not, run it now.
    await runDurableObjectAlarm(fresh);
    expect(await fresh.admit(roomy, shortLived)).toEqual({ kind: "admitted" });
  });
});
