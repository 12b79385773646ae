import { describe, expect, it } from "vitest";
import { callProxy, hashedUserId, jsonRequest } from "../../test/call-proxy.js";
import { portraitBase64 } from "../../test/portraits.js";

// Only this file uses Jakarta (ap-southeast-5), whose account-wide bucket is therefore its own.
const jakarta = { ALIBABA_REGION: "ap-southeast-5", ALIBABA_FAILOVER: "ap-southeast-5" };

async function check(overrides: Record<string, string>) {
  const response = await callProxy(
    jsonRequest({ merchantUserId: await hashedUserId(), image: { base64: portraitBase64("portrait") } }),
    overrides,
  );
  return { response, body: (await response.json()) as { code?: string; upstream?: { region: string } } };
}

describe("per-region rate limit", () => {
  it("answers 429 with Retry-After, without calling Alibaba, once the region's bucket is empty", async () => {
    const oneAtATime = { ...jakarta, REGION_QPS: JSON.stringify({ "ap-southeast-5": 0.01 }) };
    const first = await check(oneAtATime);
    expect(first.response.status).toBe(200);
    expect(first.body.upstream?.region).toBe("ap-southeast-5");
    const second = await check(oneAtATime);
    expect(second.response.status).toBe(429);
    expect(second.body.code).toBe("region_rate_limited");
    expect(Number(second.response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
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
      REGION_QPS: JSON.stringify({ "ap-southeast-5": 0.01, "cn-hongkong": 1000 }),
    };
    const result = await check(overrides);
    expect(result.response.status).toBe(200);
    expect(result.body.upstream?.region).toBe("cn-hongkong");
  });
});
