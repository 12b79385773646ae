import { describe, expect, test } from "vitest";
import { signLivenessReceipt } from "../receipt-issuer/sign-liveness-receipt.js";
import { createReceiptVerifier } from "./create-receipt-verifier.js";
import type { ReceiptJwks } from "./receipt-claims.js";
import { AUDIENCE, ISSUER, NOW, testClaims, testKey } from "./test-support/receipt-fixtures.js";

/** A stand-in for the issuer's JWKS endpoint that counts its fetches; `delayMs` holds each answer. */
function jwksServer(initial: ReceiptJwks, delayMs = 0) {
  const server = {
    jwks: initial as ReceiptJwks | undefined,
    fetches: 0,
    fetch: (async () => {
      server.fetches++;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (server.jwks === undefined) return new Response("down", { status: 503 });
      return Response.json(server.jwks);
    }) as typeof fetch,
  };
  return server;
}

const first = await testKey();
const second = await testKey();
const byFirst = await signLivenessReceipt(testClaims(), first.key);
const bySecond = await signLivenessReceipt(testClaims(), second.key);
const common = { jwksUrl: "https://proxy.example/.well-known/jwks.json", issuer: ISSUER, audience: AUDIENCE };

describe("createReceiptVerifier", () => {
  test("fetches the key set once and reuses it", async () => {
    const server = jwksServer(first.jwks);
    const verifier = createReceiptVerifier({ ...common, fetch: server.fetch });
    for (let index = 0; index < 5; index++) {
      expect((await verifier.verify(byFirst, { now: NOW })).ok).toBe(true);
    }
    expect(server.fetches).toBe(1);
  });

  test("one fetch for a burst of concurrent first receipts (single flight)", async () => {
    const server = jwksServer(first.jwks, 20);
    const verifier = createReceiptVerifier({ ...common, fetch: server.fetch });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifier.verify(byFirst, { now: NOW })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(server.fetches).toBe(1);
  });

  test("an unknown kid (a rotated key) fetches again at once, then at most every minRefreshIntervalMs", async () => {
    const server = jwksServer(first.jwks, 5);
    const verifier = createReceiptVerifier({ ...common, fetch: server.fetch, minRefreshIntervalMs: 0 });
    expect((await verifier.verify(byFirst, { now: NOW })).ok).toBe(true);
    server.jwks = { keys: [second.key.publicJwk, first.key.publicJwk] };
    expect((await verifier.verify(bySecond, { now: NOW })).ok).toBe(true);
    expect(server.fetches).toBe(2);
  });

  test("a flood of unknown kids makes no refetch storm", async () => {
    const server = jwksServer(first.jwks, 5);
    const verifier = createReceiptVerifier({ ...common, fetch: server.fetch, minRefreshIntervalMs: 60_000 });
    expect((await verifier.verify(byFirst, { now: NOW })).ok).toBe(true);
    const forged = await Promise.all(
      Array.from({ length: 50 }, () => verifier.verify(bySecond, { now: NOW })),
    );
    expect(forged.every((result) => !result.ok && result.reason === "unknown_key")).toBe(true);
    expect(server.fetches).toBe(1);
  });

  test("concurrent unknown kids after the interval share one refetch", async () => {
    const server = jwksServer(first.jwks, 20);
    const verifier = createReceiptVerifier({ ...common, fetch: server.fetch, minRefreshIntervalMs: 0 });
    expect((await verifier.verify(byFirst, { now: NOW })).ok).toBe(true);
    server.jwks = { keys: [second.key.publicJwk] };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => verifier.verify(bySecond, { now: NOW })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(server.fetches).toBe(2);
  });

  test("answers jwks_unavailable while the key set cannot be fetched, keeps the last good one after", async () => {
    const server = jwksServer(undefined as unknown as ReceiptJwks);
    const verifier = createReceiptVerifier({
      ...common,
      fetch: server.fetch,
      minRefreshIntervalMs: 0,
      cacheMaxAgeMs: 0,
    });
    expect(await verifier.verify(byFirst, { now: NOW })).toEqual({ ok: false, reason: "jwks_unavailable" });
    server.jwks = first.jwks;
    expect((await verifier.verify(byFirst, { now: NOW })).ok).toBe(true);
    server.jwks = undefined;
    expect((await verifier.verify(byFirst, { now: NOW })).ok).toBe(true);
  });

  test("a network failure or a non-JWKS answer is jwks_unavailable, never a throw", async () => {
    const failing = createReceiptVerifier({
      ...common,
      fetch: (async () => {
        throw new TypeError("connection refused");
      }) as typeof fetch,
    });
    expect(await failing.verify(byFirst)).toEqual({ ok: false, reason: "jwks_unavailable" });
    const html = createReceiptVerifier({
      ...common,
      fetch: (async () => new Response("<html>")) as typeof fetch,
    });
    expect(await html.verify(byFirst)).toEqual({ ok: false, reason: "jwks_unavailable" });
  });

  test("applies its issuer and audience", async () => {
    const server = jwksServer(first.jwks);
    const verifier = createReceiptVerifier({ ...common, audience: "another-app", fetch: server.fetch });
    expect(await verifier.verify(byFirst, { now: NOW })).toEqual({ ok: false, reason: "wrong_audience" });
  });
});
