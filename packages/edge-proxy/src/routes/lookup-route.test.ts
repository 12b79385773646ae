import { mintCallerToken } from "@liveness-kit/core/token";
import { describe, expect, it, vi } from "vitest";
import { callProxy, freshMerchantBizId, hashedUserId, jsonRequest } from "../../test/call-proxy.js";
import { billedCalls, setScenario } from "../../test/emulator-admin.js";
import { portraitBase64 } from "../../test/portraits.js";
import { verifiedClaims } from "../../test/receipts.js";
import {
  OTHER_CALLER_KEY,
  TEST_CALLER_KEY,
  TEST_SERVER_KEY,
  TEST_TOKEN_AUDIENCE,
  TEST_TOKEN_SECRET,
} from "../../test/test-constants.js";

interface Answer {
  requestId: string;
  merchantBizId?: string;
  transactionId?: string;
  passed?: boolean;
  receipt?: string;
  code?: string;
  message?: string;
}

async function lookup(
  merchantBizId: string,
  key: string = TEST_SERVER_KEY,
  overrides?: Parameters<typeof callProxy>[1],
) {
  const response = await callProxy(
    new Request(`https://proxy.test/v1/face-liveness/${merchantBizId}`, {
      headers: { authorization: `Bearer ${key}` },
    }),
    overrides,
  );
  return { response, body: (await response.json()) as Answer };
}

async function decide(merchantBizId: string, headers: Record<string, string> = {}) {
  const body = {
    merchantBizId,
    merchantUserId: await hashedUserId(),
    image: { base64: portraitBase64("portrait") },
  };
  const response = await callProxy(jsonRequest(body, headers));
  return (await response.json()) as Answer;
}

describe("GET /v1/face-liveness/{merchantBizId}", () => {
  it("gives a server caller the decided answer with a fresh receipt, whoever made the call, billing nothing", async () => {
    const merchantBizId = freshMerchantBizId();
    const decided = await decide(merchantBizId, { authorization: `Bearer ${OTHER_CALLER_KEY}` });
    const { response, body } = await lookup(merchantBizId);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({ merchantBizId, transactionId: decided.transactionId, passed: true });
    expect(body.requestId).toBe(response.headers.get("x-request-id"));
    const [original, looked] = [await verifiedClaims(decided.receipt), await verifiedClaims(body.receipt)];
    expect(looked.jti).not.toBe(original.jti);
    expect(looked).toMatchObject({
      sub: "other",
      transactionId: original.transactionId,
      imageSha256: original.imageSha256,
    });
    expect(await billedCalls(merchantBizId)).toBe(1);
  });

  it("finds a call made under a generated merchantBizId", async () => {
    const body = { merchantUserId: await hashedUserId(), image: { base64: portraitBase64("portrait") } };
    const decided = (await (await callProxy(jsonRequest(body))).json()) as Answer;
    const { response, body: found } = await lookup(decided.merchantBizId as string);
    expect(response.status).toBe(200);
    expect(found.transactionId).toBe(decided.transactionId);
  });

  it("refuses browser callers with 403: a browser key or any caller token", async () => {
    const merchantBizId = freshMerchantBizId();
    await decide(merchantBizId);
    const byBrowserKey = await lookup(merchantBizId, TEST_CALLER_KEY);
    expect(byBrowserKey.response.status).toBe(403);
    expect(byBrowserKey.body).toMatchObject({ code: "server_caller_required" });
    expect(byBrowserKey.body.transactionId).toBeUndefined();
    const token = await mintCallerToken({
      secret: TEST_TOKEN_SECRET,
      audience: TEST_TOKEN_AUDIENCE,
      subject: "x",
    });
    expect((await lookup(merchantBizId, token)).response.status).toBe(403);
  });

  it("answers 401 without credentials, 404 for an unknown id or a path that cannot be one", async () => {
    const anonymous = await callProxy(
      new Request(`https://proxy.test/v1/face-liveness/${freshMerchantBizId()}`),
    );
    expect(anonymous.status).toBe(401);
    const unknown = await lookup(freshMerchantBizId());
    expect(unknown.response.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "not_found", requestId: expect.any(String) });
    for (const path of ["not-an-id!", "..%2fhealthz", "a".repeat(33)]) {
      const invalid = await lookup(path);
      expect(invalid.response.status).toBe(404);
      expect(invalid.body.code).toBe("not_found");
    }
  });

  it("answers 404 for a kept answer without a decision (a timed-out call), 409 while a call runs", async () => {
    const timedOut = freshMerchantBizId();
    await setScenario(timedOut, { outcome: "latency", latencyMs: 1500, times: 1 });
    const overrides = { ALIBABA_FAILOVER: "ap-southeast-1", UPSTREAM_TIMEOUT_MS: "300" };
    const body = {
      merchantBizId: timedOut,
      merchantUserId: await hashedUserId(),
      image: { base64: portraitBase64("portrait") },
    };
    expect((await callProxy(jsonRequest(body), overrides)).status).toBe(504);
    expect((await lookup(timedOut)).response.status).toBe(404);

    const running = freshMerchantBizId();
    await setScenario(running, { outcome: "pass", latencyMs: 800 });
    const pending = decide(running);
    await vi.waitFor(async () => expect((await lookup(running)).response.status).toBe(409), {
      timeout: 700,
      interval: 50,
    });
    await pending;
    expect((await lookup(running)).response.status).toBe(200);
  });

  it("answers 405 with Allow: GET, HEAD, OPTIONS to other methods", async () => {
    const response = await callProxy(
      new Request(`https://proxy.test/v1/face-liveness/${freshMerchantBizId()}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${TEST_SERVER_KEY}` },
      }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
