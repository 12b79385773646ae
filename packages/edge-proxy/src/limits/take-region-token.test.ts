import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { callProxy, freshMerchantBizId, hashedUserId, jsonRequest } from "../../test/call-proxy.js";
import { callsFor } from "../../test/emulator-admin.js";
import { EMULATOR_ORIGIN } from "../../test/emulator-origins.js";
import { portraitBase64 } from "../../test/portraits.js";
import { OTHER_CALLER_KEY } from "../../test/test-constants.js";
import { loadProxyConfig } from "../config/proxy-config.js";
import { circuitCallerTag } from "../upstream/call-upstream.js";
import { callerShare } from "./caller-share.js";
import { takeRegionToken } from "./take-region-token.js";

// Only this file uses Jakarta (ap-southeast-5) on the healthy emulator, whose account-wide bucket and circuit
// are therefore its own.
const jakarta = { ALIBABA_REGION: "ap-southeast-5", ALIBABA_FAILOVER: "ap-southeast-5" };
const twoPerSecond = { "ap-southeast-5": { capacity: 2, refillPerSecond: 2 } };

async function check(overrides: Record<string, string>, headers: Record<string, string> = {}) {
  const merchantBizId = freshMerchantBizId();
  const response = await callProxy(
    jsonRequest(
      { merchantBizId, merchantUserId: await hashedUserId(), image: { base64: portraitBase64("portrait") } },
      headers,
    ),
    overrides,
  );
  return {
    merchantBizId,
    response,
    body: (await response.json()) as { code?: string; upstream?: { region: string } },
  };
}

/** Empties Jakarta's account-wide bucket (2 tokens, 2 per second) as other callers would. */
async function drainJakarta(): Promise<void> {
  const bucket = env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName("region:ap-southeast-5"));
  while ((await bucket.take(twoPerSecond["ap-southeast-5"])).allowed);
}

describe("callerShare", () => {
  it("gives a caller half of a region's burst and rate, and refuses to share a burst of 1", () => {
    expect(callerShare({ capacity: 10, refillPerSecond: 10 })).toEqual({ capacity: 5, refillPerSecond: 5 });
    expect(callerShare({ capacity: 3, refillPerSecond: 3 })).toEqual({ capacity: 1, refillPerSecond: 1.5 });
    expect(callerShare({ capacity: 1, refillPerSecond: 1 })).toBeUndefined();
  });
});

describe("per-region rate limit", () => {
  it("answers 429 with Retry-After, without calling Alibaba, once the region's bucket is empty", async () => {
    const overrides = { ...jakarta, REGION_QPS: JSON.stringify({ "ap-southeast-5": 2 }) };
    // The bucket refills 2 tokens a second: a request slower than half a second could find one again.
    let limited: Awaited<ReturnType<typeof check>> | undefined;
    for (let attempt = 0; attempt < 5 && limited === undefined; attempt++) {
      await drainJakarta();
      const result = await check(overrides);
      if (result.response.status === 429) limited = result;
    }
    expect(limited?.body.code).toBe("region_rate_limited");
    expect(Number(limited?.response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await callsFor(limited?.merchantBizId ?? "")).toEqual([]);
  });

  it("holds Jakarta to Alibaba's 3 QPS by default", async () => {
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 9 }, () => check({ ...jakarta, REGION_QPS: "" })));
    const elapsedSeconds = (Date.now() - started) / 1000;
    const passed = results.filter((result) => result.response.status === 200).length;
    const limited = results.filter((result) => result.body.code === "region_rate_limited").length;
    expect(passed + limited).toBe(9);
    // At most the burst of 3 plus what refilled (3 per second) while the requests ran.
    expect(passed).toBeLessThanOrEqual(3 + Math.ceil(elapsedSeconds * 3));
    expect(limited).toBeGreaterThanOrEqual(1);
  });

  it("fails over to the next region when one region's bucket is empty", async () => {
    const overrides = {
      ALIBABA_REGION: "ap-southeast-5",
      ALIBABA_FAILOVER: "ap-southeast-5,cn-hongkong",
      REGION_QPS: JSON.stringify({ "ap-southeast-5": 2, "cn-hongkong": 1000 }),
    };
    let region: string | undefined;
    for (let attempt = 0; attempt < 5 && region !== "cn-hongkong"; attempt++) {
      await drainJakarta();
      const result = await check(overrides);
      expect(result.response.status).toBe(200);
      region = result.body.upstream?.region;
    }
    expect(region).toBe("cn-hongkong");
  });
});

describe("a fair share of a region per caller", () => {
  it("lets one caller's burst take at most half of a region: another caller still gets a token", async () => {
    // Jakarta at 10 queries per second (this file's own bucket), full again after a second.
    const config = loadProxyConfig({ ...env, REGION_QPS: JSON.stringify({ "ap-southeast-5": 10 }) });
    const region = "ap-southeast-5";
    const [burster, other] = [`key:burst-${crypto.randomUUID()}`, `key:other-${crypto.randomUUID()}`];
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const taken: boolean[] = [];
    for (let i = 0; i < 10; i++) taken.push((await takeRegionToken(env, config, region, burster)).allowed);
    // Half the region's burst of 10 (plus at most a token refilled meanwhile), then 429 for this caller.
    expect(taken.filter(Boolean).length).toBeGreaterThanOrEqual(5);
    expect(taken.filter(Boolean).length).toBeLessThanOrEqual(6);
    expect(taken.at(-1)).toBe(false);
    expect((await takeRegionToken(env, config, region, other)).allowed).toBe(true);
  });

  it("spends no region token when the region's circuit refuses the call", async () => {
    const overrides = {
      ...jakarta,
      REGION_QPS: JSON.stringify({ "ap-southeast-5": 2 }),
      CIRCUIT_FAILURE_THRESHOLD: "1",
      CIRCUIT_COOLDOWN_MS: "600000",
    };
    const rule = { failureThreshold: 1, cooldownMs: 600_000, probeTimeoutMs: 5_000 };
    const circuit = env.REGION_CIRCUITS.get(
      env.REGION_CIRCUITS.idFromName(`ap-southeast-5|${EMULATOR_ORIGIN}`),
    );
    await circuit.record(rule, "failed", await circuitCallerTag("a"));
    await circuit.record(rule, "failed", await circuitCallerTag("b"));
    try {
      // Let Jakarta's bucket refill to its burst of 2, then send two refused calls.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const callers: Record<string, string>[] = [{}, { authorization: `Bearer ${OTHER_CALLER_KEY}` }];
      for (const headers of callers) {
        const refused = await check(overrides, headers);
        expect(refused.response.status).toBe(503);
        expect(refused.body.code).toBe("upstream_circuit_open");
      }
      const bucket = env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName("region:ap-southeast-5"));
      expect((await bucket.take(twoPerSecond["ap-southeast-5"])).allowed).toBe(true);
      expect((await bucket.take(twoPerSecond["ap-southeast-5"])).allowed).toBe(true);
    } finally {
      // Close Jakarta's circuit again for the other tests of this file.
      await circuit.record(rule, "answered", await circuitCallerTag("a"));
    }
  });
});
