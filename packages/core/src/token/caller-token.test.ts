import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ValidationError } from "../errors/index.js";
import { bytesToBase64Url } from "./base64url.js";
import { mintCallerToken, verifyCallerToken } from "./caller-token.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const AUDIENCE = "edge-proxy";
const NOW = new Date("2025-01-02T03:04:05Z");
const seconds = (count: number): Date => new Date(NOW.getTime() + count * 1000);

async function hmacBase64Url(secret: string, data: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return bytesToBase64Url(
    new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(data))),
  );
}

// Builds a correctly signed token around any claims, to test the claim checks on their own.
async function tokenWithClaims(claims: unknown, secret = SECRET): Promise<string> {
  const payload = bytesToBase64Url(new TextEncoder().encode(JSON.stringify(claims)));
  return `lkt1.${payload}.${await hmacBase64Url(secret, `lkt1.${payload}`)}`;
}

describe("mintCallerToken and verifyCallerToken", () => {
  test("round trip: the claims come back as minted", async () => {
    const token = await mintCallerToken({
      secret: SECRET,
      subject: "caller-1",
      audience: AUDIENCE,
      now: NOW,
      id: "jti-1",
    });
    expect(token).toMatch(/^lkt1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const result = await verifyCallerToken(token, { secret: SECRET, audience: AUDIENCE, now: seconds(10) });
    const iat = NOW.getTime() / 1000;
    expect(result).toEqual({
      ok: true,
      claims: { sub: "caller-1", aud: AUDIENCE, iat, exp: iat + 300, jti: "jti-1" },
    });
  });

  test("round trip for any subject, audience and ttl up to 600", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 600 }),
        async (subject, audience, ttlSeconds) => {
          const token = await mintCallerToken({ secret: SECRET, subject, audience, ttlSeconds, now: NOW });
          const result = await verifyCallerToken(token, { secret: SECRET, audience, now: NOW });
          expect(result.ok && result.claims.sub).toBe(subject);
          expect(result.ok && result.claims.exp - result.claims.iat).toBe(ttlSeconds);
        },
      ),
      { numRuns: 100 },
    );
  });

  test("gives each token a fresh id by default", async () => {
    const mint = () => mintCallerToken({ secret: SECRET, subject: "s", audience: AUDIENCE, now: NOW });
    const [first, second] = await Promise.all([mint(), mint()]);
    const ids = await Promise.all(
      [first, second].map(async (token) => {
        const result = await verifyCallerToken(token, { secret: SECRET, audience: AUDIENCE, now: NOW });
        return result.ok ? result.claims.jti : undefined;
      }),
    );
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  test("expired at exp, valid just before", async () => {
    const token = await mintCallerToken({
      secret: SECRET,
      subject: "s",
      audience: AUDIENCE,
      ttlSeconds: 60,
      now: NOW,
    });
    expect(
      (await verifyCallerToken(token, { secret: SECRET, audience: AUDIENCE, now: seconds(59) })).ok,
    ).toBe(true);
    expect(await verifyCallerToken(token, { secret: SECRET, audience: AUDIENCE, now: seconds(60) })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  test("not yet valid beyond 30 s of clock leeway", async () => {
    const token = await mintCallerToken({ secret: SECRET, subject: "s", audience: AUDIENCE, now: NOW });
    expect(
      (await verifyCallerToken(token, { secret: SECRET, audience: AUDIENCE, now: seconds(-30) })).ok,
    ).toBe(true);
    expect(await verifyCallerToken(token, { secret: SECRET, audience: AUDIENCE, now: seconds(-31) })).toEqual(
      {
        ok: false,
        reason: "not_yet_valid",
      },
    );
  });

  test("lives at most 600 s from its first to its last accepted second, leeway included", async () => {
    // Minted by a clock 29 s ahead with the longest life: without the bound it would be accepted for 629 s.
    for (const ttlSeconds of [600, 590, 300, 1]) {
      const token = await mintCallerToken({
        secret: SECRET,
        subject: "s",
        audience: AUDIENCE,
        ttlSeconds,
        now: seconds(29),
      });
      const accepted: number[] = [];
      for (let at = -40; at <= 640; at++) {
        const result = await verifyCallerToken(token, {
          secret: SECRET,
          audience: AUDIENCE,
          now: seconds(at),
        });
        if (result.ok) accepted.push(at);
      }
      const life = (accepted.at(-1) ?? 0) - (accepted[0] ?? 0) + 1;
      expect(life).toBeLessThanOrEqual(600);
      // It keeps its own life, and the leeway where the bound leaves room for it.
      expect(life).toBe(Math.min(600, ttlSeconds + 30));
      expect(accepted.at(-1)).toBe(29 + ttlSeconds - 1);
    }
  });

  test("wrong audience", async () => {
    const token = await mintCallerToken({
      secret: SECRET,
      subject: "s",
      audience: "other-service",
      now: NOW,
    });
    expect(await verifyCallerToken(token, { secret: SECRET, audience: AUDIENCE, now: NOW })).toEqual({
      ok: false,
      reason: "wrong_audience",
    });
  });

  test("forged: another secret, or any changed character of the token", async () => {
    const token = await mintCallerToken({ secret: SECRET, subject: "s", audience: AUDIENCE, now: NOW });
    expect(await verifyCallerToken(token, { secret: `${SECRET}x`, audience: AUDIENCE, now: NOW })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(..."AQgw-_xyz019."),
        async (index, character) => {
          fc.pre(token[index] !== character);
          const forged = `${token.slice(0, index)}${character}${token.slice(index + 1)}`;
          const result = await verifyCallerToken(forged, { secret: SECRET, audience: AUDIENCE, now: NOW });
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("forged: claims re-signed with another secret, or an audience swapped in", async () => {
    const iat = NOW.getTime() / 1000;
    const claims = { sub: "s", aud: AUDIENCE, iat, exp: iat + 60, jti: "j" };
    expect(
      await verifyCallerToken(await tokenWithClaims(claims, "guessed"), {
        secret: SECRET,
        audience: AUDIENCE,
        now: NOW,
      }),
    ).toEqual({ ok: false, reason: "bad_signature" });
    const token = await mintCallerToken({ secret: SECRET, subject: "s", audience: "other", now: NOW });
    const [prefix, , mac] = token.split(".");
    const swapped = `${prefix}.${bytesToBase64Url(new TextEncoder().encode(JSON.stringify(claims)))}.${mac}`;
    expect(await verifyCallerToken(swapped, { secret: SECRET, audience: AUDIENCE, now: NOW })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  test("ttl above 600 s: refused when minting, and refused when verifying a token that claims it", async () => {
    await expect(
      mintCallerToken({ secret: SECRET, subject: "s", audience: AUDIENCE, ttlSeconds: 601, now: NOW }),
    ).rejects.toThrow(ValidationError);
    const iat = NOW.getTime() / 1000;
    const long = await tokenWithClaims({ sub: "s", aud: AUDIENCE, iat, exp: iat + 601, jti: "j" });
    expect(await verifyCallerToken(long, { secret: SECRET, audience: AUDIENCE, now: NOW })).toEqual({
      ok: false,
      reason: "ttl_too_long",
    });
    const token = await mintCallerToken({
      secret: SECRET,
      subject: "s",
      audience: AUDIENCE,
      ttlSeconds: 120,
      now: NOW,
    });
    const options = { secret: SECRET, audience: AUDIENCE, now: NOW };
    expect(await verifyCallerToken(token, { ...options, maxTtlSeconds: 60 })).toEqual({
      ok: false,
      reason: "ttl_too_long",
    });
    expect(await verifyCallerToken(token, { ...options, maxTtlSeconds: 3600 })).toMatchObject({ ok: true });
    expect(await verifyCallerToken(long, { ...options, maxTtlSeconds: 3600 })).toEqual({
      ok: false,
      reason: "ttl_too_long",
    });
    expect(await verifyCallerToken(token, { ...options, maxTtlSeconds: Number.NaN })).toMatchObject({
      ok: true,
    });
    expect(await verifyCallerToken(long, { ...options, maxTtlSeconds: Number.NaN })).toEqual({
      ok: false,
      reason: "ttl_too_long",
    });
  });

  test("refuses bad mint input with one ValidationError listing every problem", async () => {
    const error = await mintCallerToken({
      secret: "",
      subject: "",
      audience: "a".repeat(257),
      ttlSeconds: 0,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([
      "secret",
      "subject",
      "audience",
      "ttlSeconds",
    ]);
    await expect(
      mintCallerToken({ secret: SECRET, subject: "s", audience: AUDIENCE, ttlSeconds: 1.5 }),
    ).rejects.toThrow(ValidationError);
  });

  test("signed claims of the wrong shape are malformed", async () => {
    const iat = NOW.getTime() / 1000;
    for (const claims of [
      null,
      [],
      "text",
      { sub: "s", aud: AUDIENCE, iat: String(iat), exp: iat + 60, jti: "j" },
      { sub: "", aud: AUDIENCE, iat, exp: iat + 60, jti: "j" },
      { sub: "s", aud: AUDIENCE, iat, exp: iat + 60 },
      { sub: "s", aud: AUDIENCE, iat: iat + 0.5, exp: iat + 60, jti: "j" },
    ]) {
      const result = await verifyCallerToken(await tokenWithClaims(claims), {
        secret: SECRET,
        audience: AUDIENCE,
        now: NOW,
      });
      expect(result).toEqual({ ok: false, reason: "malformed" });
    }
  });

  test("an invalid now fails closed", async () => {
    const token = await mintCallerToken({ secret: SECRET, subject: "s", audience: AUDIENCE, now: NOW });
    expect(
      await verifyCallerToken(token, { secret: SECRET, audience: AUDIENCE, now: new Date(Number.NaN) }),
    ).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  test("garbage never throws and is malformed", async () => {
    for (const garbage of [
      undefined,
      null,
      42,
      {},
      "",
      "lkt1",
      "lkt1..",
      "lkt2.e30.AAAA",
      "a.b.c.d",
      "lkt1.%%%.x",
      "x".repeat(5000),
    ]) {
      expect(await verifyCallerToken(garbage, { secret: SECRET, audience: AUDIENCE, now: NOW })).toEqual({
        ok: false,
        reason: "malformed",
      });
    }
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string().map((text) => `lkt1.${text}`),
          fc.anything(),
        ),
        async (garbage) => {
          const result = await verifyCallerToken(garbage, { secret: SECRET, audience: AUDIENCE, now: NOW });
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});
