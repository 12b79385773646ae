import { createHash } from "node:crypto";
import { verifyCallerToken } from "@liveness-kit/core/token";
import { describe, expect, test } from "vitest";
import { type AppConfig, createApp } from "./app.js";
import type { ReceiptClaims } from "./receipt-claims.js";

const SECRET = "test-caller-token-secret-0123456789abcdef";
const AUDIENCE = "liveness-edge-proxy";

/** The app with a verifier that accepts the receipts named in `valid` (core's verifier checks signatures). */
function setup(valid: Record<string, ReceiptClaims> = {}) {
  const config: AppConfig = {
    proxyUrl: "http://127.0.0.1:8787",
    callerTokenSecret: SECRET,
    callerTokenAudience: AUDIENCE,
    verifyReceipt: async (receipt) =>
      valid[receipt] ? { ok: true, claims: valid[receipt] } : { ok: false, reason: "bad_signature" },
  };
  const app = createApp(config);
  const post = (path: string, body: unknown = {}) =>
    app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  return { app, post, valid };
}

async function signup(post: ReturnType<typeof setup>["post"], email = "ana@example.com") {
  const response = await post("/api/signups", { email });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; merchantBizId: string; proxyUrl: string };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the example's backend", () => {
  test("a sign-up gets a MerchantBizId and the proxy's URL; a bad email is refused", async () => {
    const { post } = setup();
    const created = await signup(post);
    expect(created.merchantBizId).toMatch(/^[0-9a-f]{32}$/);
    expect(created.proxyUrl).toBe("http://127.0.0.1:8787");
    const bad = await post("/api/signups", { email: "not an email" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "bad_email" });
  });

  test("tokens: minted for the proxy's audience with this sign-up as subject, limited in number", async () => {
    const { post } = setup();
    const { id } = await signup(post);
    const { token } = (await (await post(`/api/signups/${id}/token`)).json()) as { token: string };
    const verified = await verifyCallerToken(token, { secret: SECRET, audience: AUDIENCE });
    expect(verified.ok && verified.claims.sub).toBe(`signup-${id}`);
    expect(verified.ok && verified.claims.exp - verified.claims.iat).toBe(120);
    let last = 200;
    for (let i = 0; i < 25 && last === 200; i++) last = (await post(`/api/signups/${id}/token`)).status;
    expect(last).toBe(429);
    expect((await post("/api/signups/nope/token")).status).toBe(404);
  });

  test("a receipt that fits this sign-up verifies it; the same receipt for another sign-up does not", async () => {
    const { post, valid } = setup();
    const mine = await signup(post, "ana@example.com");
    const other = await signup(post, "bob@example.com");
    valid.good = {
      sub: `signup-${mine.id}`,
      merchantBizId: mine.merchantBizId,
      merchantUserId: sha256("ana@example.com"),
      passed: true,
    };
    const stolen = await post(`/api/signups/${other.id}/receipt`, { receipt: "good" });
    expect(stolen.status).toBe(403);
    expect(await stolen.json()).toMatchObject({ code: "wrong_receipt" });
    const ok = await post(`/api/signups/${mine.id}/receipt`, { receipt: "good" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ email: "ana@example.com", verified: true });
    // Verified: no more tokens for it.
    expect((await post(`/api/signups/${mine.id}/token`)).status).toBe(409);
  });

  test("refused: a bad signature, another check's id, another user, not passed, no receipt", async () => {
    const { post, valid } = setup();
    const mine = await signup(post);
    const base = {
      sub: `signup-${mine.id}`,
      merchantBizId: mine.merchantBizId,
      merchantUserId: sha256("ana@example.com"),
      passed: true,
    };
    valid.otherBiz = { ...base, merchantBizId: "f".repeat(32) };
    valid.otherUser = { ...base, merchantUserId: sha256("eve@example.com") };
    valid.failed = { ...base, passed: false };
    const codes: Record<string, unknown> = {};
    for (const receipt of ["forged", "otherBiz", "otherUser", "failed", ""]) {
      const response = await post(`/api/signups/${mine.id}/receipt`, { receipt });
      expect(response.status).toBeGreaterThanOrEqual(400);
      codes[receipt || "none"] = ((await response.json()) as { code: string }).code;
    }
    expect(codes).toEqual({
      forged: "bad_receipt",
      otherBiz: "wrong_receipt",
      otherUser: "wrong_receipt",
      failed: "wrong_receipt",
      none: "no_receipt",
    });
  });

  test("a new attempt gets a new MerchantBizId, whose receipt is accepted; attempts are limited", async () => {
    const { post, valid } = setup();
    const mine = await signup(post);
    const response = await post(`/api/signups/${mine.id}/attempts`);
    expect(response.status).toBe(201);
    const { merchantBizId } = (await response.json()) as { merchantBizId: string };
    expect(merchantBizId).not.toBe(mine.merchantBizId);
    valid.second = {
      sub: `signup-${mine.id}`,
      merchantBizId,
      merchantUserId: sha256("ana@example.com"),
      passed: true,
    };
    expect((await post(`/api/signups/${mine.id}/receipt`, { receipt: "second" })).status).toBe(200);
    let last = 201;
    for (let i = 0; i < 10 && last === 201; i++)
      last = (await post(`/api/signups/${mine.id}/attempts`)).status;
    expect(last).toBe(429);
  });
});
