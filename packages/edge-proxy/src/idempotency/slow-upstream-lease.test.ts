import { describe, expect, it } from "vitest";
import { callProxy, freshMerchantBizId, hashedUserId, multipartRequest } from "../../test/call-proxy.js";
import { billedCalls, callsFor } from "../../test/emulator-admin.js";
import { EMULATOR_ORIGIN, SLOW_UPSTREAM_ORIGIN } from "../../test/emulator-origins.js";
import { portraitFile } from "../../test/portraits.js";

// Issue 12, point 1: one file-stream attempt is three calls in a row (AuthorizeFileUpload, the OSS upload,
// FaceLivenessV2). Each used to get the whole per-call timeout, so a slow upstream made an attempt outlive the
// overall budget and the idempotency lease (budget + slack); a duplicate sent after the lease ran out was
// then billed a second time. Here every step takes 700 ms, the budget is 1 s and the lease 1.2 s.
const slow = {
  UPSTREAM_ENDPOINT: SLOW_UPSTREAM_ORIGIN,
  ALIBABA_REGION: "ap-southeast-1",
  ALIBABA_FAILOVER: "ap-southeast-1",
  UPSTREAM_TIMEOUT_MS: "5000",
  UPSTREAM_BUDGET_MS: "1000",
  IDEMPOTENCY_LEASE_SLACK_MS: "200",
};

async function request(merchantBizId: string, merchantUserId: string) {
  const form = new FormData();
  form.set("merchantBizId", merchantBizId);
  form.set("merchantUserId", merchantUserId);
  form.set("image", portraitFile("largePortrait"));
  const response = await callProxy(multipartRequest(form), slow);
  return { response, body: (await response.json()) as { code?: string; transactionId?: string } };
}

describe("a slow upstream never outlives the lease", () => {
  it("bounds every step of an attempt by the budget, so a duplicate after the lease is never billed again", async () => {
    const merchantBizId = freshMerchantBizId();
    const merchantUserId = await hashedUserId();
    const first = request(merchantBizId, merchantUserId);
    // Sent once the first request's lease has run out.
    await scheduler.wait(1_300);
    const second = await request(merchantBizId, merchantUserId);
    const answers = [await first, second];
    // Calls the stand-in still forwards after the proxy gave up land a little later.
    await scheduler.wait(1_000);
    expect(await billedCalls(merchantBizId, EMULATOR_ORIGIN)).toBeLessThanOrEqual(1);
    // No FaceLivenessV2 left after the budget: an attempt that ran out of time is never billed.
    const liveness = (await callsFor(merchantBizId, EMULATOR_ORIGIN)).filter(
      (call) => call.action === "FaceLivenessV2",
    );
    expect(liveness).toHaveLength(0);
    for (const { response, body } of answers) {
      expect([503, 504]).toContain(response.status);
      expect(body.code).toMatch(/^upstream_/);
    }
  });
});
