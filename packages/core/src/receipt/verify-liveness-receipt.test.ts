import { describe, expect, test } from "vitest";
import { signLivenessReceipt } from "../receipt-issuer/sign-liveness-receipt.js";
import { bytesToBase64Url } from "../token/base64url.js";
import { RECEIPT_TYPE } from "./receipt-claims.js";
import {
  AUDIENCE,
  ISSUER,
  NOW,
  NOW_SECONDS,
  part,
  testClaims,
  testKey,
  withPart,
} from "./test-support/receipt-fixtures.js";
import { verifyLivenessReceipt } from "./verify-liveness-receipt.js";

const { key, jwks } = await testKey();
const receipt = await signLivenessReceipt(testClaims(), key);
const options = { jwks, issuer: ISSUER, audience: AUDIENCE, now: NOW };

async function hs256(header: unknown, claims: unknown, secret: Uint8Array): Promise<string> {
  const signed = `${part(header)}.${part(claims)}`;
  const hmac = await crypto.subtle.importKey(
    "raw",
    secret as Uint8Array<ArrayBuffer>,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", hmac, new TextEncoder().encode(signed));
  return `${signed}.${bytesToBase64Url(new Uint8Array(mac))}`;
}

describe("verifyLivenessReceipt", () => {
  test("accepts a receipt signed by the key, with its claims", async () => {
    const result = await verifyLivenessReceipt(receipt, options);
    expect(result).toEqual({ ok: true, claims: testClaims() });
    const [header] = receipt.split(".");
    expect(JSON.parse(atob(header as string))).toEqual({ alg: "ES256", kid: key.kid, typ: RECEIPT_TYPE });
  });

  test("accepts without issuer and audience, and with `aud` as an array holding the audience", async () => {
    expect((await verifyLivenessReceipt(receipt, { jwks, now: NOW })).ok).toBe(true);
    const many = await signLivenessReceipt(
      { ...testClaims(), aud: ["x", AUDIENCE] as unknown as string },
      key,
    );
    expect((await verifyLivenessReceipt(many, options)).ok).toBe(true);
  });

  test("refuses a changed claim", async () => {
    const claims = JSON.parse(atob((receipt.split(".")[1] as string).replace(/-/g, "+").replace(/_/g, "/")));
    const forged = withPart(receipt, 1, part({ ...claims, passed: false }));
    expect(await verifyLivenessReceipt(forged, options)).toEqual({ ok: false, reason: "bad_signature" });
    const otherId = withPart(receipt, 1, part({ ...claims, merchantBizId: "order-43" }));
    expect(await verifyLivenessReceipt(otherId, options)).toEqual({ ok: false, reason: "bad_signature" });
  });

  test('refuses alg "none", whatever the signature', async () => {
    const header = { alg: "none", typ: RECEIPT_TYPE, kid: key.kid };
    for (const signature of ["", receipt.split(".")[2] as string]) {
      const none = `${part(header)}.${part(testClaims())}.${signature}`;
      expect(await verifyLivenessReceipt(none, options)).toEqual({ ok: false, reason: "unsupported_alg" });
    }
  });

  test("refuses HS256 made with the public key (the key-confusion attack)", async () => {
    const header = { alg: "HS256", typ: RECEIPT_TYPE, kid: key.kid };
    for (const secret of [JSON.stringify(key.publicJwk), JSON.stringify(jwks)]) {
      const forged = await hs256(header, testClaims(), new TextEncoder().encode(secret));
      expect(await verifyLivenessReceipt(forged, options)).toEqual({ ok: false, reason: "unsupported_alg" });
    }
  });

  test("refuses an algorithm it was not configured for", async () => {
    expect(await verifyLivenessReceipt(receipt, { ...options, algorithms: [] })).toEqual({
      ok: false,
      reason: "unsupported_alg",
    });
  });

  test("refuses a cut or altered signature", async () => {
    const signature = receipt.split(".")[2] as string;
    expect(await verifyLivenessReceipt(withPart(receipt, 2, signature.slice(0, -2)), options)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(await verifyLivenessReceipt(withPart(receipt, 2, signature.slice(0, -1)), options)).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(await verifyLivenessReceipt(withPart(receipt, 2, ""), options)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  test("refuses after exp (no leeway), and before iat beyond 60 s of clock leeway", async () => {
    const at = (seconds: number) => ({ ...options, now: new Date(seconds * 1000) });
    expect((await verifyLivenessReceipt(receipt, at(NOW_SECONDS + 599))).ok).toBe(true);
    expect(await verifyLivenessReceipt(receipt, at(NOW_SECONDS + 600))).toEqual({
      ok: false,
      reason: "expired",
    });
    expect((await verifyLivenessReceipt(receipt, at(NOW_SECONDS - 60))).ok).toBe(true);
    expect(await verifyLivenessReceipt(receipt, at(NOW_SECONDS - 61))).toEqual({
      ok: false,
      reason: "not_yet_valid",
    });
    expect(await verifyLivenessReceipt(receipt, { ...options, now: new Date(Number.NaN) })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  test("refuses another issuer or audience", async () => {
    expect(await verifyLivenessReceipt(receipt, { ...options, issuer: "https://evil.example" })).toEqual({
      ok: false,
      reason: "wrong_issuer",
    });
    expect(await verifyLivenessReceipt(receipt, { ...options, audience: "other-app" })).toEqual({
      ok: false,
      reason: "wrong_audience",
    });
  });

  test("refuses another typ (another JWT of the same issuer), a crit header, an unknown or unusable key", async () => {
    const signature = receipt.split(".")[2] as string;
    const header = (changes: Record<string, unknown>) =>
      withPart(receipt, 0, part({ alg: "ES256", kid: key.kid, typ: RECEIPT_TYPE, ...changes }));
    expect(await verifyLivenessReceipt(header({ typ: "JWT" }), options)).toEqual({
      ok: false,
      reason: "wrong_type",
    });
    expect(await verifyLivenessReceipt(header({ crit: ["exp"] }), options)).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(await verifyLivenessReceipt(header({ kid: "other" }), options)).toEqual({
      ok: false,
      reason: "unknown_key",
    });
    expect(await verifyLivenessReceipt(header({ kid: undefined }), options)).toEqual({
      ok: false,
      reason: "unknown_key",
    });
    const encryptionKey = { keys: [{ ...key.publicJwk, use: "enc" }] };
    expect(await verifyLivenessReceipt(receipt, { ...options, jwks: encryptionKey })).toEqual({
      ok: false,
      reason: "unknown_key",
    });
    const otherKey = await testKey();
    const wrongPoint = { keys: [{ ...otherKey.key.publicJwk, kid: key.kid }] };
    expect(await verifyLivenessReceipt(receipt, { ...options, jwks: wrongPoint })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(signature.length).toBe(86);
  });

  test("picks the key by kid among several (rotation)", async () => {
    const older = await testKey();
    const both = { keys: [older.key.publicJwk, key.publicJwk] };
    expect((await verifyLivenessReceipt(receipt, { ...options, jwks: both })).ok).toBe(true);
    const byOlder = await signLivenessReceipt(testClaims(), older.key);
    expect((await verifyLivenessReceipt(byOlder, { ...options, jwks: both })).ok).toBe(true);
  });

  test.each([
    undefined,
    null,
    42,
    "",
    "a.b",
    "a.b.c.d",
    "not base64!.x.y",
    `${part([1])}.${part({})}.`,
    `${part({ alg: "ES256", typ: RECEIPT_TYPE })}.${part("claims")}.`,
    "x".repeat(9_000),
  ])("never throws on garbage: %j", async (garbage) => {
    const result = await verifyLivenessReceipt(garbage, options);
    expect(result.ok).toBe(false);
  });

  test("refuses a signed receipt without the decision claims", async () => {
    const { passed: _passed, ...partial } = testClaims();
    const signed = await signLivenessReceipt(partial as ReturnType<typeof testClaims>, key);
    expect(await verifyLivenessReceipt(signed, options)).toEqual({ ok: false, reason: "malformed" });
  });
});
