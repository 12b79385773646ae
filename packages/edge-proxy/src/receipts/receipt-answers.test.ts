import { sha256Hex } from "@liveness-kit/core/sign";
import { mintCallerToken } from "@liveness-kit/core/token";
import { describe, expect, it } from "vitest";
import {
  callProxy,
  freshMerchantBizId,
  hashedUserId,
  jsonRequest,
  multipartRequest,
  sendToProxy,
} from "../../test/call-proxy.js";
import { setScenario } from "../../test/emulator-admin.js";
import { portraitBase64, portraitBytes, portraitFile } from "../../test/portraits.js";
import { receiptHeader, verifiedClaims } from "../../test/receipts.js";
import { TEST_RECEIPT_AUDIENCE, TEST_TOKEN_AUDIENCE, TEST_TOKEN_SECRET } from "../../test/test-constants.js";

async function base64Body(merchantBizId: string) {
  return {
    merchantBizId,
    merchantUserId: await hashedUserId(),
    image: { base64: portraitBase64("portrait") },
  };
}

describe("receipts in decided answers", () => {
  it("a passed answer carries a receipt core verifies against the served JWKS, its claims matching the answer", async () => {
    const merchantBizId = freshMerchantBizId();
    const body = await base64Body(merchantBizId);
    const { response, body: answer } = await sendToProxy(jsonRequest(body));
    expect(response.status).toBe(200);
    expect(typeof answer.receipt).toBe("string");
    expect(receiptHeader(answer.receipt as string)).toEqual({
      alg: "ES256",
      kid: "test-only-receipt-key",
      typ: "liveness-receipt+jwt",
    });
    const claims = await verifiedClaims(answer.receipt);
    expect(claims).toEqual({
      iss: "https://proxy.test",
      sub: "test",
      aud: TEST_RECEIPT_AUDIENCE,
      iat: expect.any(Number),
      exp: claims.iat + 600,
      jti: expect.stringMatching(/^[0-9a-f]{32}$/),
      merchantBizId,
      merchantUserId: body.merchantUserId,
      transactionId: answer.transactionId,
      passed: true,
      subCode: "200",
      region: answer.upstream.region,
      imageSha256: await sha256Hex(portraitBytes("portrait")),
      face: answer.face,
    });
    expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(60);
  });

  it("an attack (205, passed false) carries a receipt that says so", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "attack" });
    const { body: answer } = await sendToProxy(jsonRequest(await base64Body(merchantBizId)));
    expect(answer).toMatchObject({ passed: false, subCode: "205" });
    expect(await verifiedClaims(answer.receipt)).toMatchObject({
      passed: false,
      subCode: "205",
      merchantBizId,
    });
  });

  it("a replay gets a fresh receipt with the same decision claims", async () => {
    const merchantBizId = freshMerchantBizId();
    const body = await base64Body(merchantBizId);
    const first = await sendToProxy(jsonRequest(body));
    const replay = await sendToProxy(jsonRequest(body));
    expect(replay.response.headers.get("idempotent-replay")).toBe("true");
    const [a, b] = [await verifiedClaims(first.body.receipt), await verifiedClaims(replay.body.receipt)];
    expect(b.jti).not.toBe(a.jti);
    const decision = ({ iat: _iat, exp: _exp, jti: _jti, ...rest }: typeof a) => rest;
    expect(decision(b)).toEqual(decision(a));
  });

  it("a file-stream answer's imageSha256 is the hash of the uploaded bytes", async () => {
    const merchantBizId = freshMerchantBizId();
    const form = new FormData();
    form.set("merchantBizId", merchantBizId);
    form.set("merchantUserId", await hashedUserId());
    form.set("image", portraitFile("largePortrait"));
    const { body: answer } = await sendToProxy(multipartRequest(form));
    const claims = await verifiedClaims(answer.receipt);
    expect(claims.imageSha256).toBe(await sha256Hex(portraitBytes("largePortrait")));
    expect(claims.imageUrlSha256).toBeUndefined();
  });

  it("a token caller's receipt names the token's subject", async () => {
    const token = await mintCallerToken({
      secret: TEST_TOKEN_SECRET,
      audience: TEST_TOKEN_AUDIENCE,
      subject: "session-7",
    });
    const { body: answer } = await sendToProxy(
      jsonRequest(await base64Body(freshMerchantBizId()), { authorization: `Bearer ${token}` }),
    );
    expect((await verifiedClaims(answer.receipt)).sub).toBe("session-7");
  });

  it("uses the configured issuer, audience and lifetime", async () => {
    const overrides = {
      RECEIPT_ISSUER: "https://liveness.example.com",
      RECEIPT_AUDIENCE: "shop-backend",
      RECEIPT_TTL_SECONDS: "60",
    };
    const { body: answer } = await sendToProxy(
      jsonRequest(await base64Body(freshMerchantBizId())),
      overrides,
    );
    const [, payload = ""] = (answer.receipt as string).split(".");
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    expect(claims).toMatchObject({ iss: "https://liveness.example.com", aud: "shop-backend" });
    expect(claims.exp - claims.iat).toBe(60);
  });

  it("an answer without a decision has no receipt (refusals, conflicts, upstream failures)", async () => {
    const merchantBizId = freshMerchantBizId();
    await setScenario(merchantBizId, { outcome: "503" });
    const failed = await sendToProxy(jsonRequest(await base64Body(merchantBizId)), {
      ALIBABA_FAILOVER: "ap-southeast-1",
    });
    expect(failed.response.status).toBe(503);
    expect(failed.body.receipt).toBeUndefined();
    const refused = await sendToProxy(
      jsonRequest({ merchantUserId: await hashedUserId(), image: { base64: "AAAA" } }),
    );
    expect(refused.response.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.receipt).toBeUndefined();
  });

  it("a deployment without a signing key answers nothing but 503 proxy_misconfigured", async () => {
    const { response, body } = await sendToProxy(jsonRequest(await base64Body(freshMerchantBizId())), {
      RECEIPT_SIGNING_KEY: "",
    });
    expect(response.status).toBe(503);
    expect(body.code).toBe("proxy_misconfigured");
    const health = await callProxy(new Request("https://proxy.test/healthz"), { RECEIPT_SIGNING_KEY: "" });
    expect(health.status).toBe(503);
  });
});
