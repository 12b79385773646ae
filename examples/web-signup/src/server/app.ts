import { mintCallerToken } from "@liveness-kit/core/token";
import { Hono } from "hono";
import { type ReceiptClaims, receiptMismatch } from "./receipt-claims.js";
import { createSignupStore, MAX_TOKENS } from "./signups.js";

/** What the backend needs: where the proxy is, the caller-token secret it shares with it, and a verifier. */
export interface AppConfig {
  /** The edge proxy's origin, as the browser reaches it. */
  readonly proxyUrl: string;
  readonly callerTokenSecret: string;
  readonly callerTokenAudience: string;
  /** Verifies a receipt's signature and times against the proxy's JWKS (core's receipt verifier). */
  readonly verifyReceipt: (
    receipt: string,
  ) => Promise<{ ok: true; claims: ReceiptClaims } | { ok: false; reason: string }>;
}

const error = (code: string, message: string) => ({ code, message });

/** The example's API: sign-ups, caller tokens, new attempts and receipt checks. */
export function createApp(config: AppConfig): Hono {
  const store = createSignupStore();
  const app = new Hono();

  app.post("/api/signups", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { email?: unknown };
    const signup = store.create(typeof body.email === "string" ? body.email : "");
    if (!signup) return c.json(error("bad_email", "Enter a valid email address."), 400);
    return c.json({ id: signup.id, merchantBizId: signup.merchantBizIds[0], proxyUrl: config.proxyUrl }, 201);
  });

  app.post("/api/signups/:id/token", async (c) => {
    const signup = store.get(c.req.param("id"));
    if (!signup) return c.json(error("not_found", "No such sign-up."), 404);
    if (signup.verified) return c.json(error("done", "This sign-up is already verified."), 409);
    if (signup.tokensIssued >= MAX_TOKENS) return c.json(error("too_many", "Too many tries."), 429);
    signup.tokensIssued++;
    // Short-lived and single-use at the proxy; its subject ties the receipt to this sign-up.
    const token = await mintCallerToken({
      secret: config.callerTokenSecret,
      subject: signup.subject,
      audience: config.callerTokenAudience,
      ttlSeconds: 120,
    });
    return c.json({ token });
  });

  app.post("/api/signups/:id/attempts", (c) => {
    const signup = store.get(c.req.param("id"));
    if (!signup) return c.json(error("not_found", "No such sign-up."), 404);
    const merchantBizId = store.newAttempt(signup);
    if (!merchantBizId) return c.json(error("too_many", "No more tries for this sign-up."), 429);
    return c.json({ merchantBizId }, 201);
  });

  app.post("/api/signups/:id/receipt", async (c) => {
    const signup = store.get(c.req.param("id"));
    if (!signup) return c.json(error("not_found", "No such sign-up."), 404);
    const body = (await c.req.json().catch(() => ({}))) as { receipt?: unknown };
    if (typeof body.receipt !== "string" || body.receipt === "") {
      return c.json(error("no_receipt", "The proxy's answer had no receipt."), 400);
    }
    const verified = await config.verifyReceipt(body.receipt);
    if (!verified.ok)
      return c.json(error("bad_receipt", `The receipt is not valid (${verified.reason}).`), 403);
    const mismatch = receiptMismatch(verified.claims, signup);
    if (mismatch) return c.json(error("wrong_receipt", `The receipt does not fit: ${mismatch}.`), 403);
    signup.verified = true;
    return c.json({ email: signup.email, verified: true });
  });

  app.get("/healthz", (c) => c.json({ ok: true }));
  return app;
}
