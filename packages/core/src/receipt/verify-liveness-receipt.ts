import { base64UrlToBytes } from "../token/base64url.js";
import {
  type LivenessReceiptClaims,
  type LivenessReceiptResult,
  RECEIPT_TYPE,
  type ReceiptAlgorithm,
  type ReceiptFailureReason,
  type ReceiptJwks,
  type ReceiptPublicJwk,
} from "./receipt-claims.js";

/** The options of `verifyLivenessReceipt`. */
export interface VerifyLivenessReceiptOptions {
  /** The issuer's public keys (its `/.well-known/jwks.json`); the receipt's `kid` picks one. */
  readonly jwks: ReceiptJwks;
  /** When given, `iss` must equal it (the proxy's origin unless configured otherwise). */
  readonly issuer?: string | undefined;
  /** When given, `aud` must equal it (or contain it, for an array). */
  readonly audience?: string | undefined;
  /** The time to check `exp` and `iat` against; default the clock. */
  readonly now?: Date | undefined;
  /** The algorithms accepted; default and only supported: `["ES256"]`. */
  readonly algorithms?: readonly ReceiptAlgorithm[] | undefined;
}

// A receipt is a few hundred bytes; this bounds the work spent on garbage.
const MAX_RECEIPT_LENGTH = 8_192;
// Clocks of the proxy and the verifying server may differ a little; `exp` gets none, `iat` this much.
const CLOCK_LEEWAY_SECONDS = 60;
const ES256 = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
// Imported keys, per JWK object: a verifier with a cached JWKS imports each key once.
const imported = /* @__PURE__ */ new WeakMap<object, Promise<CryptoKey>>();

/**
 * Verifies a liveness receipt (a JWS compact JWT, RFC 7515/7519) offline against the issuer's JWKS: the
 * header (`alg` among `algorithms`, so never `none` nor HS256 made with a public key; `typ`; a known `kid`),
 * the ES256 signature, then `exp` (no leeway), `iat` (60 s of clock leeway), `iss` and `aud` when given.
 * Never throws: anything else is `{ ok: false, reason }`.
 */
export async function verifyLivenessReceipt(
  receipt: unknown,
  options: VerifyLivenessReceiptOptions,
): Promise<LivenessReceiptResult> {
  try {
    return await verify(receipt, options);
  } catch {
    return refuse("malformed");
  }
}

async function verify(
  receipt: unknown,
  options: VerifyLivenessReceiptOptions,
): Promise<LivenessReceiptResult> {
  if (typeof receipt !== "string" || receipt.length > MAX_RECEIPT_LENGTH) return refuse("malformed");
  const [head = "", body = "", mac = "", extra] = receipt.split(".");
  const header = readJson(head);
  const claims = readJson(body) as LivenessReceiptClaims | undefined;
  const signature = base64UrlToBytes(mac);
  if (extra !== undefined || !header || !claims || !signature) return refuse("malformed");
  const alg = header.alg as ReceiptAlgorithm;
  if (alg !== "ES256" || !(options.algorithms ?? ["ES256"]).includes(alg)) return refuse("unsupported_alg");
  if (header.typ !== RECEIPT_TYPE) return refuse("wrong_type");
  // Extensions this verifier does not know must not be ignored (RFC 7515 section 4.1.11).
  if (header.crit !== undefined) return refuse("malformed");
  const jwk = options.jwks.keys.find((key) => usable(key, header.kid, alg));
  if (!jwk) return refuse("unknown_key");
  const key = await importKey(jwk);
  const signed = new TextEncoder().encode(`${head}.${body}`);
  const valid =
    signature.length === 64 &&
    (await crypto.subtle.verify(ES256, key, signature as Uint8Array<ArrayBuffer>, signed));
  if (!valid) return refuse("bad_signature");
  if (!hasReceiptShape(claims)) return refuse("malformed");
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  // Fail closed: an invalid `now` would make every time comparison false.
  if (!(now < claims.exp)) return refuse("expired");
  if (claims.iat > now + CLOCK_LEEWAY_SECONDS) return refuse("not_yet_valid");
  if (options.issuer !== undefined && claims.iss !== options.issuer) return refuse("wrong_issuer");
  const aud: unknown = claims.aud;
  if (
    options.audience !== undefined &&
    (Array.isArray(aud) ? !aud.includes(options.audience) : aud !== options.audience)
  ) {
    return refuse("wrong_audience");
  }
  return { ok: true, claims };
}

function refuse(reason: ReceiptFailureReason): LivenessReceiptResult {
  return { ok: false, reason };
}

function readJson(part: string): Record<string, unknown> | undefined {
  const bytes = base64UrlToBytes(part);
  if (!bytes) return undefined;
  const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function usable(key: ReceiptPublicJwk, kid: unknown, alg: string): boolean {
  return (
    typeof kid === "string" &&
    key.kid === kid &&
    key.kty === "EC" &&
    key.crv === "P-256" &&
    (key.alg ?? alg) === alg &&
    (key.use ?? "sig") === "sig"
  );
}

function importKey(jwk: ReceiptPublicJwk): Promise<CryptoKey> {
  let key = imported.get(jwk);
  if (!key) {
    // Only the public point: a published `d`, `key_ops` or `ext` must not change what is imported.
    const { kty, crv, x, y } = jwk;
    key = crypto.subtle.importKey("jwk", { kty, crv, x, y } as JsonWebKey, ES256, false, ["verify"]);
    imported.set(jwk, key);
    key.catch(() => imported.delete(jwk));
  }
  return key;
}

function hasReceiptShape(claims: LivenessReceiptClaims): boolean {
  return (
    Number.isSafeInteger(claims.iat) &&
    Number.isSafeInteger(claims.exp) &&
    typeof claims.merchantBizId === "string" &&
    typeof claims.transactionId === "string" &&
    typeof claims.passed === "boolean" &&
    typeof claims.subCode === "string"
  );
}
