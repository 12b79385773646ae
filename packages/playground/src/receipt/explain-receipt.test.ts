import { verifyLivenessReceipt } from "@liveness-kit/core/receipt";
import { describe, expect, test } from "vitest";
import type { ProxyAnswer } from "../send/read-answer.js";
import type { SendResult } from "../send/send-result.js";
import { decodeReceipt } from "./decode-receipt.js";
import { explainVerification, jwksUrlOf, mismatchesWithAnswer, whyNoReceipt } from "./explain-receipt.js";
import { receiptClaims, tamper, testSigner } from "./test-support/sign-test-receipt.js";

const JWKS = "http://127.0.0.1:8787/.well-known/jwks.json";
const now = Math.floor(Date.now() / 1000);

/** core's verdict on a receipt, explained as the Receipt tab shows it. */
async function verdictOf(
  receipt: string,
  jwks: Parameters<typeof verifyLivenessReceipt>[1]["jwks"],
  at?: Date,
) {
  const result = await verifyLivenessReceipt(receipt, { jwks, now: at });
  return explainVerification(result, decodeReceipt(receipt), JWKS, at);
}

describe("explainVerification", () => {
  test("a receipt signed by a published key: Signature verified", async () => {
    const signer = await testSigner();
    const verdict = await verdictOf(await signer.sign(receiptClaims(now)), signer.jwks);
    expect(verdict).toMatchObject({ status: "verified", title: "Signature verified" });
    expect(verdict.detail).toContain(signer.kid);
  });

  test("tampered, unknown key, alg none, expired: each refused with its reason in plain words", async () => {
    const signer = await testSigner();
    const other = await testSigner();
    const receipt = await signer.sign(receiptClaims(now));
    const tampered = await verdictOf(tamper(receipt, { passed: false }), signer.jwks);
    expect(tampered).toMatchObject({ status: "refused", reason: "bad_signature" });
    expect(tampered.detail).toMatch(/changed after the proxy signed/);

    const unknown = await verdictOf(await other.sign(receiptClaims(now)), signer.jwks);
    expect(unknown).toMatchObject({ status: "refused", reason: "unknown_key" });
    expect(unknown.title).toContain(other.kid);
    expect(unknown.detail).toContain(JWKS);

    const [, body] = receipt.split(".");
    const none = `${btoa(JSON.stringify({ alg: "none", typ: "liveness-receipt+jwt" })).replaceAll("=", "")}.${body}.`;
    expect(await verdictOf(none, signer.jwks)).toMatchObject({
      status: "refused",
      reason: "unsupported_alg",
      title: 'Not verified: the algorithm "none" is not ES256',
    });

    const late = new Date((now + 900) * 1000);
    const expired = await verdictOf(receipt, signer.jwks, late);
    expect(expired).toMatchObject({ status: "expired", reason: "expired" });
    expect(expired.detail).toContain("5 min ago");
    expect(expired.detail).toContain("GET /v1/face-liveness/{merchantBizId}");

    expect(await verdictOf("garbage", signer.jwks)).toMatchObject({ status: "refused", reason: "malformed" });
  });

  test("no key set: says the proxy's key set could not be fetched, and where from", () => {
    const verdict = explainVerification({ ok: false, reason: "jwks_unavailable" }, undefined, JWKS);
    expect(verdict.title).toBe("Not verified: the proxy's key set could not be fetched");
    expect(verdict.detail).toContain(JWKS);
  });
});

describe("mismatchesWithAnswer", () => {
  const answer: ProxyAnswer = {
    requestId: "r1",
    merchantBizId: "biz1",
    transactionId: "t1",
    passed: true,
    subCode: "200",
    face: {
      qualityScore: 1,
      occlusionScore: 1,
      keyAreaOcclusionScore: 1,
      illuminationScore: 1,
      sharpnessScore: 1,
      attack: false,
    },
    upstream: { region: "ap-southeast-1" },
  };
  test("none when the decision claims are the answer's; each differing claim otherwise", () => {
    const claims = receiptClaims(now);
    expect(mismatchesWithAnswer(claims, answer, "e".repeat(64))).toEqual([]);
    expect(
      mismatchesWithAnswer({ ...claims, passed: false, transactionId: "t2" }, answer, "e".repeat(64)),
    ).toEqual(['transactionId: "t2" ≠ "t1"', "passed: false ≠ true"]);
    expect(mismatchesWithAnswer(claims, answer, "f".repeat(64))).toHaveLength(1);
  });
});

describe("whyNoReceipt", () => {
  const base = {
    at: "",
    draft: {} as SendResult["draft"],
    serverTiming: [],
    timeline: [],
    requestHeaders: [],
    idempotentReplay: false,
  };
  test("no answer, not sent, an error, a decided answer without one: each says why", () => {
    expect(whyNoReceipt(undefined)).toMatch(/^No answer yet/);
    expect(whyNoReceipt({ ...base, kind: "not-sent" })).toMatch(/Nothing was sent/);
    expect(
      whyNoReceipt({
        ...base,
        kind: "error",
        failure: { code: "NoFaceDetected", message: "", meaning: "", action: "", retryable: false },
      }),
    ).toMatch(/only decided answers.*\(NoFaceDetected\)/);
    expect(whyNoReceipt({ ...base, kind: "answer" })).toMatch(/does not sign receipts/);
  });

  test("the key set sits under the proxy URL, trailing slashes or not", () => {
    expect(jwksUrlOf("http://127.0.0.1:8787/")).toBe(JWKS);
    expect(jwksUrlOf("https://p.example/base")).toBe("https://p.example/base/.well-known/jwks.json");
  });
});
