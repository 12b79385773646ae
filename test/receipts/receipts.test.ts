import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { verifyLivenessReceipt } from "@liveness-kit/core/receipt";
import { portraitJpeg } from "@liveness-kit/emulator/portraits";
import { calculateJwkThumbprint, createRemoteJWKSet, jwtVerify } from "jose";
import { beforeAll, describe, expect, test } from "vitest";
import { STACK } from "../support/stack-urls.js";

// The "done when", as a new user does it against `npm start`: a POST's receipt verified by jose and
// by PyJWT against the served key set, by core (and refused by core once tampered with), and the
// server-side lookup with the dev server key.
const JWKS_URL = `${STACK.proxy}/.well-known/jwks.json`;
const AUDIENCE = "liveness-app";
const hashedUserId = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
// Debian's python3 with python3-jwt (the pyenv python3 on a PATH may lack it).
const PYTHON = "/usr/bin/python3";
const hasPyJwt =
  existsSync(PYTHON) &&
  spawnSync(PYTHON, ["-c", "import jwt, cryptography"], { stdio: "ignore" }).status === 0;

interface Answer {
  merchantBizId: string;
  transactionId: string;
  passed: boolean;
  subCode: string;
  face: Record<string, unknown>;
  upstream: { region: string };
  receipt: string;
  code?: string;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

let answer: Answer;
let jwks: { keys: Record<string, string>[] };

beforeAll(async () => {
  const response = await fetch(`${STACK.proxy}/v1/face-liveness`, {
    method: "POST",
    headers: { authorization: `Bearer ${STACK.callerKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      merchantBizId: `rc${crypto.randomUUID().replaceAll("-", "")}`.slice(0, 32),
      merchantUserId: hashedUserId,
      image: { base64: Buffer.from(portraitJpeg()).toString("base64") },
    }),
  });
  answer = (await response.json()) as Answer;
  expect(response.status, JSON.stringify(answer)).toBe(200);
  jwks = await (await fetch(JWKS_URL)).json();
});

describe("receipts of the local stack", () => {
  test("jose verifies the receipt against the served JWKS; its claims match the answer", async () => {
    const { payload, protectedHeader } = await jwtVerify(
      answer.receipt,
      createRemoteJWKSet(new URL(JWKS_URL)),
      {
        issuer: STACK.proxy,
        audience: AUDIENCE,
        typ: "liveness-receipt+jwt",
        algorithms: ["ES256"],
      },
    );
    expect(protectedHeader).toMatchObject({ alg: "ES256", kid: "dev-only-receipt-key" });
    expect(payload).toMatchObject({
      sub: "dev",
      merchantBizId: answer.merchantBizId,
      merchantUserId: hashedUserId,
      transactionId: answer.transactionId,
      passed: true,
      subCode: "200",
      region: answer.upstream.region,
      face: answer.face,
      imageSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(600);
  });

  test("the key set is public, cacheable and CORS-open; its kid is jose's RFC 7638 thumbprint when none is set", async () => {
    const response = await fetch(JWKS_URL, { headers: { origin: "https://elsewhere.example" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toContain("max-age=");
    const [key] = jwks.keys;
    expect(key).not.toHaveProperty("d");
    const { generateReceiptKeyPair } = await import("@liveness-kit/core/receipt-issuer");
    const { publicJwk } = await generateReceiptKeyPair();
    expect(publicJwk.kid).toBe(
      await calculateJwkThumbprint(publicJwk as Parameters<typeof calculateJwkThumbprint>[0]),
    );
  });

  test("core accepts the receipt, and refuses it tampered with, unsigned, HS256-signed with the public key, cut, or late", async () => {
    const options = { jwks, issuer: STACK.proxy, audience: AUDIENCE } as Parameters<
      typeof verifyLivenessReceipt
    >[1];
    expect(await verifyLivenessReceipt(answer.receipt, options)).toMatchObject({
      ok: true,
      claims: { transactionId: answer.transactionId },
    });
    const [header = "", payload = "", signature = ""] = answer.receipt.split(".");
    const claims = decode(payload);
    const changed = `${header}.${b64url({ ...claims, passed: false })}.${signature}`;
    expect(await verifyLivenessReceipt(changed, options)).toEqual({ ok: false, reason: "bad_signature" });
    const none = `${b64url({ ...decode(header), alg: "none" })}.${payload}.`;
    expect(await verifyLivenessReceipt(none, options)).toEqual({ ok: false, reason: "unsupported_alg" });
    const hsHeader = b64url({ ...decode(header), alg: "HS256" });
    const { createHmac } = await import("node:crypto");
    const hs = createHmac("sha256", JSON.stringify(jwks.keys[0]))
      .update(`${hsHeader}.${payload}`)
      .digest("base64url");
    expect(await verifyLivenessReceipt(`${hsHeader}.${payload}.${hs}`, options)).toEqual({
      ok: false,
      reason: "unsupported_alg",
    });
    const cut = `${header}.${payload}.${signature.slice(0, 40)}`;
    expect(await verifyLivenessReceipt(cut, options)).toEqual({ ok: false, reason: "bad_signature" });
    const late = new Date((claims.exp as number) * 1000);
    expect(await verifyLivenessReceipt(answer.receipt, { ...options, now: late })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  test.skipIf(!hasPyJwt)(
    "PyJWT (Debian's python3-jwt; skipped where it is not installed) verifies it too, and refuses a changed claim",
    () => {
      const script = fileURLToPath(new URL("./python-verify.py", import.meta.url));
      const run = (receipt: string) =>
        spawnSync(PYTHON, [script, JWKS_URL, STACK.proxy, AUDIENCE], { input: receipt, encoding: "utf8" });
      const verified = run(answer.receipt);
      expect(verified.status, verified.stdout + verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({
        transactionId: answer.transactionId,
        passed: true,
        merchantBizId: answer.merchantBizId,
      });
      const [header, payload = "", signature] = answer.receipt.split(".");
      const forged = `${header}.${b64url({ ...decode(payload), passed: false })}.${signature}`;
      const refused = run(forged);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toMatch(/^refused: InvalidSignatureError/);
    },
  );

  test("the server-side lookup: 200 with the dev server key and a fresh receipt, 403 with the browser key, 404 unknown", async () => {
    const lookup = (id: string, key: string) =>
      fetch(`${STACK.proxy}/v1/face-liveness/${id}`, { headers: { authorization: `Bearer ${key}` } });
    const found = await lookup(answer.merchantBizId, STACK.serverKey);
    const body = (await found.json()) as Answer;
    expect(found.status).toBe(200);
    expect(body).toMatchObject({ transactionId: answer.transactionId, passed: true });
    const { payload } = await jwtVerify(body.receipt, createRemoteJWKSet(new URL(JWKS_URL)), {
      issuer: STACK.proxy,
      audience: AUDIENCE,
    });
    expect(payload.transactionId).toBe(answer.transactionId);
    expect((await lookup(answer.merchantBizId, STACK.callerKey)).status).toBe(403);
    const unknown = await lookup("rcunknown0000000000000000000000", STACK.serverKey);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "not_found" });
  });
});

describe("the receipt-key command", () => {
  test("prints a private JWK that signs receipts its public JWK verifies, and the wrangler secret put line", async () => {
    const script = fileURLToPath(
      new URL("../../packages/edge-proxy/scripts/receipt-key.mjs", import.meta.url),
    );
    const text = execFileSync(process.execPath, [script], { encoding: "utf8" });
    const line = text.split("\n").find((row) => row.includes("wrangler secret put RECEIPT_SIGNING_KEY"));
    expect(line).toMatch(/^ echo '\{.*\}' \| npx wrangler secret put RECEIPT_SIGNING_KEY$/);
    const privateJwk = JSON.parse(/'(\{.*\})'/.exec(line as string)?.[1] as string);
    const { importReceiptSigningKey, signLivenessReceipt } = await import(
      "@liveness-kit/core/receipt-issuer"
    );
    const key = await importReceiptSigningKey(privateJwk);
    const now = Math.floor(Date.now() / 1000);
    const receipt = await signLivenessReceipt(
      {
        iss: "x",
        sub: "s",
        aud: "a",
        iat: now,
        exp: now + 60,
        jti: "j",
        merchantBizId: "m",
        merchantUserId: "u",
        transactionId: "t",
        passed: true,
        subCode: "200",
        region: "ap-southeast-1",
      },
      key,
    );
    const publicLine = text.trim().split("\n").at(-1) as string;
    const publicJwk = JSON.parse(publicLine);
    expect(publicJwk).not.toHaveProperty("d");
    expect((await verifyLivenessReceipt(receipt, { jwks: { keys: [publicJwk] } })).ok).toBe(true);
    const { json } = {
      json: execFileSync(process.execPath, [script, "--kid", "2026-12", "--json"], { encoding: "utf8" }),
    };
    expect(JSON.parse(json).privateJwk.kid).toBe("2026-12");
  });
});
