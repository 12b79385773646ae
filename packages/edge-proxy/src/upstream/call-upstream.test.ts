import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { callProxy, freshMerchantBizId, hashedUserId, jsonRequest } from "../../test/call-proxy.js";
import { capturedLogs } from "../../test/captured-logs.js";
import { billedCalls, callsFor, setFaults, setScenario } from "../../test/emulator-admin.js";
import { EMULATOR_ORIGIN, FAILING_EMULATOR_ORIGIN } from "../../test/emulator-origins.js";
import { portraitBase64 } from "../../test/portraits.js";
import { OTHER_CALLER_KEY, TEST_CALLER_KEY } from "../../test/test-constants.js";
import { circuitCallerTag } from "./call-upstream.js";

interface Answer {
  code?: string;
  retryable?: boolean;
  upstream?: { region: string };
}

async function liveness(merchantBizId: string) {
  return {
    merchantBizId,
    merchantUserId: await hashedUserId(),
    image: { base64: portraitBase64("portrait") },
  };
}

async function send(
  body: unknown,
  overrides: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const response = await callProxy(jsonRequest(body, headers), overrides);
  return { response, body: (await response.json()) as Answer };
}

// The second emulator answers every call with 503 (ServiceUnavailable): a region that is down.
beforeAll(async () => {
  await setFaults({ fault: "503", probability: 1 }, FAILING_EMULATOR_ORIGIN);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("fail-over across regions", () => {
  it("moves to the next region when one answers 503 after its retries, billing once", async () => {
    const merchantBizId = freshMerchantBizId();
    const overrides = {
      UPSTREAM_ENDPOINTS: JSON.stringify({
        "ap-southeast-1": FAILING_EMULATOR_ORIGIN,
        "cn-hongkong": EMULATOR_ORIGIN,
      }),
      ALIBABA_FAILOVER: "ap-southeast-1,cn-hongkong",
    };
    const request = await liveness(merchantBizId);
    const { result, lines } = await capturedLogs(() => send(request, overrides));
    const { response, body } = result;
    expect(response.status).toBe(200);
    expect(body.upstream?.region).toBe("cn-hongkong");
    // One try and two retries on the failing region, each with a fresh signature (no SignatureNonceUsed).
    const failed = await callsFor(merchantBizId, FAILING_EMULATOR_ORIGIN);
    expect(failed.map((call) => call.code)).toEqual([
      "ServiceUnavailable",
      "ServiceUnavailable",
      "ServiceUnavailable",
    ]);
    expect(await billedCalls(merchantBizId)).toBe(1);
    expect(lines.find((line) => line.merchantBizId === merchantBizId)).toMatchObject({
      regionsTried: ["ap-southeast-1", "cn-hongkong"],
      attempts: 4,
      region: "cn-hongkong",
    });
  });

  it("answers 503 with Retry-After when every region is down, billing nothing", async () => {
    const merchantBizId = freshMerchantBizId();
    const overrides = {
      UPSTREAM_ENDPOINTS: JSON.stringify({
        "ap-southeast-1": FAILING_EMULATOR_ORIGIN,
        "cn-hongkong": FAILING_EMULATOR_ORIGIN,
      }),
      ALIBABA_FAILOVER: "ap-southeast-1,cn-hongkong",
    };
    const { response, body } = await send(await liveness(merchantBizId), overrides);
    expect(response.status).toBe(503);
    expect(body).toMatchObject({ code: "ServiceUnavailable", retryable: true });
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await callsFor(merchantBizId, FAILING_EMULATOR_ORIGIN)).toHaveLength(6);
    expect(await billedCalls(merchantBizId, FAILING_EMULATOR_ORIGIN)).toBe(0);
  });

  it("opens a region's circuit after repeated failures and then skips the region", async () => {
    const overrides = {
      UPSTREAM_ENDPOINTS: JSON.stringify({
        "ap-southeast-3": FAILING_EMULATOR_ORIGIN,
        "cn-hongkong": EMULATOR_ORIGIN,
      }),
      ALIBABA_REGION: "ap-southeast-3",
      ALIBABA_FAILOVER: "ap-southeast-3,cn-hongkong",
      CIRCUIT_FAILURE_THRESHOLD: "2",
      CIRCUIT_COOLDOWN_MS: "600000",
    };
    const first = freshMerchantBizId();
    expect((await send(await liveness(first), overrides)).response.status).toBe(200);
    expect((await callsFor(first, FAILING_EMULATOR_ORIGIN)).length).toBeGreaterThan(0);
    const circuit = env.REGION_CIRCUITS.get(
      env.REGION_CIRCUITS.idFromName(`ap-southeast-3|${FAILING_EMULATOR_ORIGIN}`),
    );
    // Three failures, but all of one caller's: not yet a verdict on the region.
    expect((await circuit.inspect()).status).toBe("closed");
    const fromOther = freshMerchantBizId();
    const other = { authorization: `Bearer ${OTHER_CALLER_KEY}` };
    expect((await send(await liveness(fromOther), overrides, other)).response.status).toBe(200);
    expect((await circuit.inspect()).status).toBe("open");

    const second = freshMerchantBizId();
    const { response, body } = await send(await liveness(second), overrides);
    expect(response.status).toBe(200);
    expect(body.upstream?.region).toBe("cn-hongkong");
    expect(await callsFor(second, FAILING_EMULATOR_ORIGIN)).toEqual([]);
  });

  it("never opens for one caller's failures, so others keep the region", async () => {
    // Jakarta on the failing emulator is this test's own circuit.
    const overrides = {
      UPSTREAM_ENDPOINTS: JSON.stringify({ "ap-southeast-5": FAILING_EMULATOR_ORIGIN }),
      ALIBABA_REGION: "ap-southeast-5",
      ALIBABA_FAILOVER: "ap-southeast-5",
      CIRCUIT_FAILURE_THRESHOLD: "2",
      CIRCUIT_COOLDOWN_MS: "600000",
    };
    for (let i = 0; i < 3; i++) {
      const { response } = await send(await liveness(freshMerchantBizId()), overrides);
      expect(response.status).toBe(503);
    }
    const circuit = env.REGION_CIRCUITS.get(
      env.REGION_CIRCUITS.idFromName(`ap-southeast-5|${FAILING_EMULATOR_ORIGIN}`),
    );
    expect(await circuit.inspect()).toMatchObject({
      status: "closed",
      failingCallers: [await circuitCallerTag("key:test")],
    });
    // Another caller still reaches the region (and gets its own 503, not upstream_circuit_open).
    const other = { authorization: `Bearer ${OTHER_CALLER_KEY}` };
    const merchantBizId = freshMerchantBizId();
    const { body } = await send(await liveness(merchantBizId), overrides, other);
    expect(body.code).not.toBe("upstream_circuit_open");
    expect((await callsFor(merchantBizId, FAILING_EMULATOR_ORIGIN)).length).toBeGreaterThan(0);
  });

  it("counts no timeout against the region: a caller's slow calls cannot open or hold its circuit", async () => {
    // ap-southeast-3 on the healthy emulator is this test's own circuit.
    const overrides = {
      ALIBABA_REGION: "ap-southeast-3",
      ALIBABA_FAILOVER: "ap-southeast-3",
      UPSTREAM_TIMEOUT_MS: "300",
      CIRCUIT_FAILURE_THRESHOLD: "1",
      CIRCUIT_COOLDOWN_MS: "600000",
    };
    for (const key of [TEST_CALLER_KEY, OTHER_CALLER_KEY]) {
      const merchantBizId = freshMerchantBizId();
      await setScenario(merchantBizId, { outcome: "hang" });
      const { response } = await send(await liveness(merchantBizId), overrides, {
        authorization: `Bearer ${key}`,
      });
      expect(response.status).toBe(504);
    }
    const circuit = env.REGION_CIRCUITS.get(
      env.REGION_CIRCUITS.idFromName(`ap-southeast-3|${EMULATOR_ORIGIN}`),
    );
    expect((await circuit.inspect()).status).toBe("closed");
    const { response } = await send(await liveness(freshMerchantBizId()), overrides);
    expect(response.status).toBe(200);
  });

  it("starts in the region nearest the caller with ALIBABA_REGION=auto", async () => {
    const merchantBizId = freshMerchantBizId();
    const request = new Request(jsonRequest(await liveness(merchantBizId)), { cf: { country: "JP" } });
    const response = await callProxy(request, { ALIBABA_REGION: "auto" });
    expect(((await response.json()) as Answer).upstream?.region).toBe("cn-hongkong");
  });
});

describe("retries", () => {
  it("retries a 500 with a fresh nonce and the same MerchantBizId", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "500", times: 1 });
    const { response } = await send(await liveness(merchantBizId), { ALIBABA_FAILOVER: "ap-southeast-1" });
    expect(response.status).toBe(200);
    const calls = await callsFor(merchantBizId);
    expect(calls.map((call) => call.code)).toEqual(["InternalError", "Success"]);
    expect(calls.every((call) => call.merchantBizId === merchantBizId)).toBe(true);
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("retries a dropped connection", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "drop", times: 1 });
    const { response } = await send(await liveness(merchantBizId), { ALIBABA_FAILOVER: "ap-southeast-1" });
    expect(response.status).toBe(200);
    expect((await callsFor(merchantBizId)).map((call) => call.code)).toEqual([
      "ConnectionDropped",
      "Success",
    ]);
  });

  it("honours x-acs-retry-after: the retry waits at least as long as Alibaba asked", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "throttling", times: 1, retryAfterMs: 400 });
    const { response } = await send(await liveness(merchantBizId), {
      ALIBABA_FAILOVER: "ap-southeast-1",
      UPSTREAM_RETRY_MAX_MS: "2000",
    });
    expect(response.status).toBe(200);
    const calls = await callsFor(merchantBizId);
    expect(calls.map((call) => call.code)).toEqual(["Throttling.Api", "Success"]);
    const [throttled, retried] = calls.map((call) => Date.parse(String(call.time)));
    expect((retried ?? 0) - (throttled ?? 0)).toBeGreaterThanOrEqual(400);
  });

  it("gives up at once with 429 and Retry-After when Alibaba asks for a longer wait than allowed", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "throttling", retryAfterMs: 5000 });
    const { response, body } = await send(await liveness(merchantBizId), {
      ALIBABA_FAILOVER: "ap-southeast-1",
    });
    expect(response.status).toBe(429);
    expect(body).toMatchObject({ code: "Throttling.Api", retryable: true });
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await callsFor(merchantBizId)).toHaveLength(1);
  });

  it("answers 504 when Alibaba does not answer in time, without a retry or another region", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "hang" });
    const { response, body } = await send(await liveness(merchantBizId), {
      ALIBABA_FAILOVER: "ap-southeast-1,cn-hongkong",
      UPSTREAM_TIMEOUT_MS: "300",
    });
    expect(response.status).toBe(504);
    // The try was sent: Alibaba may have billed it, so neither the proxy nor the caller sends it again.
    expect(body).toMatchObject({ code: "upstream_timeout", retryable: false });
    expect(await callsFor(merchantBizId)).toHaveLength(1);
  });

  it("does not retry a business error", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "NoFaceDetected" });
    const { response } = await send(await liveness(merchantBizId));
    expect(response.status).toBe(422);
    expect(await callsFor(merchantBizId)).toHaveLength(1);
  });
});

describe("what goes upstream", () => {
  it("builds upstream headers from scratch: nothing of the caller's request is forwarded", async () => {
    const seen: Headers[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
      const request = new Request(input as RequestInfo, init as RequestInit);
      if (request.url.startsWith(EMULATOR_ORIGIN) && !request.url.includes("/__emulator/"))
        seen.push(request.headers);
      return realFetch(input as RequestInfo, init as RequestInit);
    });
    const merchantBizId = freshMerchantBizId();
    const { response } = await send(
      await liveness(merchantBizId),
      {},
      {
        cookie: "session=caller-cookie",
        "cf-connecting-ip": "203.0.113.9",
        "cf-ray": "abc",
        "x-forwarded-for": "203.0.113.9",
        "x-forwarded-host": "evil.example",
        "x-real-ip": "203.0.113.9",
        "x-acs-action": "SomethingElse",
      },
    );
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(1);
    const names = [...(seen[0]?.keys() ?? [])].sort();
    expect(names.filter((name) => !name.startsWith("x-acs-"))).toEqual(["authorization", "content-type"]);
    expect(
      names.filter((name) => name.startsWith("cf-") || name.startsWith("x-forwarded") || name === "cookie"),
    ).toEqual([]);
    expect(seen[0]?.get("authorization")).toMatch(/^ACS3-HMAC-SHA256 Credential=/);
    expect(seen[0]?.get("authorization")).not.toContain(TEST_CALLER_KEY);
    expect(seen[0]?.get("x-acs-action")).toBe("FaceLivenessV2");
  });
});
