import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { mintCallerToken } from "@liveness-kit/core/token";
import { describe, expect, it, vi } from "vitest";
import { callProxy, freshMerchantBizId, hashedUserId, jsonRequest } from "../../test/call-proxy.js";
import { billedCalls, callsFor, clearScenario, setScenario } from "../../test/emulator-admin.js";
import { portraitBase64 } from "../../test/portraits.js";
import { OTHER_CALLER_KEY, TEST_TOKEN_AUDIENCE, TEST_TOKEN_SECRET } from "../../test/test-constants.js";

interface Answer {
  requestId: string;
  transactionId?: string;
  code?: string;
  retryable?: boolean;
}

async function send(
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  overrides?: Parameters<typeof callProxy>[1],
) {
  const response = await callProxy(jsonRequest(body, headers), overrides);
  return { response, body: (await response.json()) as Answer };
}

async function liveness(merchantBizId: string, picture: "portrait" | "otherPortrait" = "portrait") {
  return { merchantBizId, merchantUserId: await hashedUserId(), image: { base64: portraitBase64(picture) } };
}

// One region and no fail-over, so a scenario on the emulator decides the outcome of every try.
const singleRegion = { ALIBABA_FAILOVER: "ap-southeast-1" };

describe("no double billing", () => {
  it("bills ONE call for 10 concurrent identical requests; the others wait and get the same answer", async () => {
    const merchantBizId = freshMerchantBizId();
    // The first call takes a while, so the duplicates surely arrive while it runs.
    await setScenario(merchantBizId, { outcome: "pass", latencyMs: 400 });
    const body = await liveness(merchantBizId);
    const results = await Promise.all(Array.from({ length: 10 }, () => send(body)));
    expect(results.map((result) => result.response.status)).toEqual(Array(10).fill(200));
    const transactionIds = new Set(results.map((result) => result.body.transactionId));
    expect(transactionIds.size).toBe(1);
    expect(
      results.filter((result) => result.response.headers.get("idempotent-replay") === "true"),
    ).toHaveLength(9);
    // Each exchange keeps its own request id.
    expect(new Set(results.map((result) => result.body.requestId)).size).toBe(10);
    expect(await billedCalls(merchantBizId)).toBe(1);
    expect(await callsFor(merchantBizId)).toHaveLength(1);
  });

  it("replays the stored answer to a later repeat, with Idempotent-Replay: true", async () => {
    const merchantBizId = freshMerchantBizId();
    const body = await liveness(merchantBizId);
    const first = await send(body);
    const repeat = await send(body);
    expect(first.response.headers.get("idempotent-replay")).toBeNull();
    expect(repeat.response.status).toBe(200);
    expect(repeat.response.headers.get("idempotent-replay")).toBe("true");
    expect(repeat.body.transactionId).toBe(first.body.transactionId);
    expect(repeat.body.requestId).toBe(repeat.response.headers.get("x-request-id"));
    expect(repeat.body.requestId).not.toBe(first.body.requestId);
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("answers 409 to the same merchantBizId with a different body, and bills nothing more", async () => {
    const merchantBizId = freshMerchantBizId();
    await send(await liveness(merchantBizId));
    const conflict = await send(await liveness(merchantBizId, "otherPortrait"));
    expect(conflict.response.status).toBe(409);
    expect(conflict.body.code).toBe("idempotency_conflict");
    const otherFlag = await send({ ...(await liveness(merchantBizId)), faceQualityCheck: true });
    expect(otherFlag.response.status).toBe(409);
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("answers 409 to a different body while the first is still running", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "pass", latencyMs: 400 });
    const running = send(await liveness(merchantBizId));
    await scheduler.wait(100);
    const conflict = await send(await liveness(merchantBizId, "otherPortrait"));
    expect(conflict.response.status).toBe(409);
    expect((await running).response.status).toBe(200);
  });

  it("releases the key after an unbilled failure, so a later retry runs and is billed once", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "503" });
    const body = await liveness(merchantBizId);
    const failed = await send(body, {}, singleRegion);
    expect(failed.response.status).toBe(503);
    expect(failed.body).toMatchObject({ code: "ServiceUnavailable", retryable: true });
    expect(failed.response.headers.get("retry-after")).toMatch(/^\d+$/);
    await clearScenario(merchantBizId);
    const retried = await send(body, {}, singleRegion);
    expect(retried.response.status).toBe(200);
    expect(retried.response.headers.get("idempotent-replay")).toBeNull();
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("keeps a timed-out call's 504: its outcome is unknown, so a repeat is not sent again", async () => {
    const merchantBizId = freshMerchantBizId();
    // Slower than the proxy waits: the try is sent, times out, and the emulator still decides and bills it.
    await setScenario(merchantBizId, { outcome: "latency", latencyMs: 1500, times: 1 });
    const body = await liveness(merchantBizId);
    const timedOut = { ...singleRegion, UPSTREAM_TIMEOUT_MS: "300" };
    const first = await send(body, {}, timedOut);
    expect(first.response.status).toBe(504);
    expect(first.body).toMatchObject({ code: "upstream_timeout", retryable: false });
    await vi.waitFor(async () => expect(await billedCalls(merchantBizId)).toBe(1), { timeout: 5_000 });
    const repeat = await send(body, {}, timedOut);
    expect(repeat.response.status).toBe(504);
    expect(repeat.response.headers.get("idempotent-replay")).toBe("true");
    expect(repeat.body).toMatchObject({ code: "upstream_timeout", retryable: false });
    expect(await callsFor(merchantBizId)).toHaveLength(1);
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("gives concurrent duplicates of a failing request the same failure", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "503", latencyMs: 200 });
    const body = await liveness(merchantBizId);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => send(body, {}, { ...singleRegion, UPSTREAM_RETRIES: "0" })),
    );
    expect(results.map((result) => result.response.status)).toEqual([503, 503, 503, 503]);
    expect(await callsFor(merchantBizId)).toHaveLength(1);
  });

  it("a merchantBizId belongs to the deployment: another key or token subject gets 409, nothing more is billed", async () => {
    const merchantBizId = freshMerchantBizId();
    const body = await liveness(merchantBizId);
    const mine = await send(body);
    expect(mine.response.status).toBe(200);
    const otherKey = await send(body, { authorization: `Bearer ${OTHER_CALLER_KEY}` });
    expect(otherKey.response.status).toBe(409);
    expect(otherKey.body).toMatchObject({ code: "merchant_biz_id_taken", retryable: false });
    for (const subject of ["alice", "bob"]) {
      const token = await mintCallerToken({
        secret: TEST_TOKEN_SECRET,
        audience: TEST_TOKEN_AUDIENCE,
        subject,
      });
      const byToken = await send(body, { authorization: `Bearer ${token}` });
      expect(byToken.response.status).toBe(409);
      expect(byToken.body.code).toBe("merchant_biz_id_taken");
    }
    // The owner still gets its replay.
    const again = await send(body);
    expect(again.response.headers.get("idempotent-replay")).toBe("true");
    expect(again.body.transactionId).toBe(mine.body.transactionId);
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("a token subject owns the ids it used first; the caller key that comes second is refused", async () => {
    const merchantBizId = freshMerchantBizId();
    const body = await liveness(merchantBizId);
    const mint = () =>
      mintCallerToken({ secret: TEST_TOKEN_SECRET, audience: TEST_TOKEN_AUDIENCE, subject: "carol" });
    const first = await send(body, { authorization: `Bearer ${await mint()}` });
    expect(first.response.status).toBe(200);
    const sameSubject = await send(body, { authorization: `Bearer ${await mint()}` });
    expect(sameSubject.response.headers.get("idempotent-replay")).toBe("true");
    expect((await send(body)).body.code).toBe("merchant_biz_id_taken");
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("stores only the answer and its receipt claims: never the image or the raw user id", async () => {
    const merchantBizId = freshMerchantBizId();
    const body = await liveness(merchantBizId);
    await send(body);
    const key = env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName(merchantBizId));
    const stored = JSON.stringify(
      await runInDurableObject(key, async (_instance, state) => [...(await state.storage.list()).entries()]),
    );
    expect(stored).toContain(merchantBizId);
    // The hash the app sent is a receipt claim (so a lookup can sign it again); the raw id never reached the proxy.
    expect(stored).toContain(body.merchantUserId);
    expect(stored).not.toContain("user-42");
    expect(stored).not.toContain(body.image.base64.slice(1_000, 1_100));
  });
});
