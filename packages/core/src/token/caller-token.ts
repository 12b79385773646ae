import { ValidationError, type ValidationIssue } from "../errors/index.js";
import { constantTimeEqual } from "../sign/constant-time-equal.js";
import { createNonce } from "../sign/create-nonce.js";
import { base64UrlToBytes, bytesToBase64Url } from "./base64url.js";

// A caller token is `lkt1.<base64url(JSON claims)>.<base64url(HMAC-SHA256 of "lkt1.<claims>")>`: a short-lived
// proof, minted by a backend that shares `secret` with the edge proxy, that a browser may call the proxy.

const PREFIX = "lkt1";
/** The longest lifetime a caller token may have, in seconds. */
export const MAX_CALLER_TOKEN_TTL_SECONDS = 600;
const DEFAULT_TTL_SECONDS = 300;
// Clocks of the minting backend and the proxy may differ a little.
const CLOCK_LEEWAY_SECONDS = 30;
// Far more than a real token needs; bounds the work spent on garbage.
const MAX_TOKEN_LENGTH = 4096;
const MAX_CLAIM_LENGTH = 256;

/** What a caller token says: who (`sub`), for which service (`aud`), when (`iat`, `exp`, seconds), and its id. */
export interface CallerTokenClaims {
  readonly sub: string;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  /** Unique per token: the proxy refuses a `jti` it has seen until `exp`. */
  readonly jti: string;
}

/** The input of `mintCallerToken`. */
export interface MintCallerTokenInput {
  /** Shared with the verifier; use at least 32 random bytes. */
  readonly secret: string;
  /** An opaque caller id (not a raw user id: the claims are readable). */
  readonly subject: string;
  readonly audience: string;
  /** Default 300, at most 600. */
  readonly ttlSeconds?: number | undefined;
  readonly now?: Date | undefined;
  /** Defaults to 32 random hex digits. */
  readonly id?: string | undefined;
}

/** The options of `verifyCallerToken`. */
export interface VerifyCallerTokenOptions {
  readonly secret: string;
  /** The audience this verifier serves; a token for another is refused. */
  readonly audience: string;
  readonly now?: Date | undefined;
  /** Tokens living longer than this are refused; default (and most) 600. */
  readonly maxTtlSeconds?: number | undefined;
}

/** Why a caller token was refused. */
export type CallerTokenFailureReason =
  | "malformed"
  | "bad_signature"
  | "expired"
  | "not_yet_valid"
  | "wrong_audience"
  | "ttl_too_long";

/** The outcome of `verifyCallerToken`. */
export type CallerTokenResult =
  | { readonly ok: true; readonly claims: CallerTokenClaims }
  | { readonly ok: false; readonly reason: CallerTokenFailureReason };

/**
 * Mints a caller token. Throws a `ValidationError` for an empty secret, subject or audience, or a `ttlSeconds`
 * that is not a whole number in 1..600.
 */
export async function mintCallerToken(input: MintCallerTokenInput): Promise<string> {
  const ttl = input.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  checkMintInput(input, ttl);
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const claims: CallerTokenClaims = {
    sub: input.subject,
    aud: input.audience,
    iat,
    exp: iat + ttl,
    jti: input.id ?? createNonce(),
  };
  const signedPart = `${PREFIX}.${bytesToBase64Url(new TextEncoder().encode(JSON.stringify(claims)))}`;
  return `${signedPart}.${await signature(input.secret, signedPart)}`;
}

/**
 * Verifies a caller token: its signature (constant-time), its claims' shape, its lifetime (at most
 * `maxTtlSeconds`), its audience and its validity window (up to 30 s of clock leeway before `iat`, none after `exp`; the whole
 * window, leeway included, is at most `maxTtlSeconds`).
 * Never throws: garbage gives `{ ok: false, reason: "malformed" }`; an invalid `now` counts as expired.
 */
export async function verifyCallerToken(
  token: unknown,
  options: VerifyCallerTokenOptions,
): Promise<CallerTokenResult> {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: "malformed" };
  const [, payload = "", mac = ""] = parts;
  const claimBytes = base64UrlToBytes(payload);
  if (!claimBytes || base64UrlToBytes(mac)?.length !== 32) return { ok: false, reason: "malformed" };
  if (typeof options.secret !== "string" || options.secret === "")
    return { ok: false, reason: "bad_signature" };
  if (!constantTimeEqual(await signature(options.secret, `${PREFIX}.${payload}`), mac)) {
    return { ok: false, reason: "bad_signature" };
  }
  const claims = readClaims(claimBytes);
  if (!claims) return { ok: false, reason: "malformed" };
  const requestedMaxTtl = options.maxTtlSeconds ?? MAX_CALLER_TOKEN_TTL_SECONDS;
  // A NaN limit must not switch the check off.
  const maxTtl = Number.isFinite(requestedMaxTtl)
    ? Math.min(requestedMaxTtl, MAX_CALLER_TOKEN_TTL_SECONDS)
    : MAX_CALLER_TOKEN_TTL_SECONDS;
  if (claims.exp - claims.iat > maxTtl || claims.exp <= claims.iat)
    return { ok: false, reason: "ttl_too_long" };
  if (claims.aud !== options.audience) return { ok: false, reason: "wrong_audience" };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  // Fail closed: an invalid `now` would make every time comparison false.
  if (!Number.isFinite(now)) return { ok: false, reason: "expired" };
  // The leeway before `iat` only where it fits: from first to last accepted second, a token lives at
  // most `maxTtl` (a 600 s token from a clock 29 s ahead must not live 629 s).
  const validFrom = Math.max(claims.iat - CLOCK_LEEWAY_SECONDS, claims.exp - maxTtl);
  if (now < validFrom) return { ok: false, reason: "not_yet_valid" };
  if (now >= claims.exp) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}

async function signature(secret: string, signedPart: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return bytesToBase64Url(new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(signedPart))));
}

function readClaims(bytes: Uint8Array): CallerTokenClaims | undefined {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { sub, aud, iat, exp, jti } = value as Record<string, unknown>;
  if (!isClaimString(sub) || !isClaimString(aud) || !isClaimString(jti)) return undefined;
  if (!Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return undefined;
  return { sub, aud, iat: iat as number, exp: exp as number, jti };
}

function isClaimString(value: unknown): value is string {
  return typeof value === "string" && value !== "" && value.length <= MAX_CLAIM_LENGTH;
}

function checkMintInput(input: MintCallerTokenInput, ttl: number): void {
  const issues: ValidationIssue[] = [];
  if (typeof input.secret !== "string" || input.secret === "") {
    issues.push({ field: "secret", code: "required", message: "must be a non-empty string" });
  }
  for (const [field, value] of [
    ["subject", input.subject],
    ["audience", input.audience],
    ["id", input.id ?? "x"],
  ] as const) {
    if (!isClaimString(value)) {
      issues.push({
        field,
        code: "invalid_value",
        message: `must be a string of 1 to ${MAX_CLAIM_LENGTH} characters`,
      });
    }
  }
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_CALLER_TOKEN_TTL_SECONDS) {
    issues.push({
      field: "ttlSeconds",
      code: "invalid_value",
      message: `must be a whole number of seconds from 1 to ${MAX_CALLER_TOKEN_TTL_SECONDS}`,
    });
  }
  const now = input.now ?? new Date();
  if (!(now instanceof Date) || !Number.isFinite(now.getTime())) {
    issues.push({ field: "now", code: "invalid_value", message: "must be a valid Date" });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}
