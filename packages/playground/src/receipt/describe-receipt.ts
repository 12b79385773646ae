import type { DecodedReceipt } from "./decode-receipt.js";

/** One line of the receipt view: a header field or claim, its value as shown, and what it means. */
export interface ReceiptRow {
  readonly name: string;
  readonly value: string;
  readonly meaning: string;
}

// What each header field and claim means, in the proxy README's words ("Receipts").
const HEADER_MEANINGS: Readonly<Record<string, string>> = {
  alg: "signature algorithm: ES256 is ECDSA on P-256 with SHA-256; a verifier accepts nothing else",
  kid: "key id: picks the public key from the proxy's key set (/.well-known/jwks.json)",
  typ: "token type: liveness-receipt+jwt, so no other token of the proxy passes as a receipt",
};
const CLAIM_MEANINGS: Readonly<Record<string, string>> = {
  iss: "issuer: who signed it (the proxy's origin unless RECEIPT_ISSUER says otherwise); your server pins it",
  sub: "subject: the caller key's id, or the subject of the caller token the app minted",
  aud: "audience: the app backend it is meant for (the proxy's RECEIPT_AUDIENCE); your server pins it",
  iat: "issued at",
  exp: "expires: a server refuses the receipt from then on",
  jti: "receipt id, new for every receipt: accept each one once",
  merchantBizId: "your id of this check: your server matches it to the check it started for this user",
  merchantUserId: "SHA-256 of the user id the app sent (never the id itself)",
  transactionId: "Alibaba's id of this verification",
  passed: "the decision: true is a live person (SubCode 200), false is not (205)",
  subCode: "Alibaba's SubCode: 200 live, 205 not live",
  region: "the Alibaba region that decided",
  imageSha256: "hex SHA-256 of the picture bytes the proxy sent (the picture itself is not in the receipt)",
  imageUrlSha256: "hex SHA-256 of the picture's URL (URL mode)",
  face: "the scores of the answer, as Alibaba gave them",
};
const TIME_CLAIMS = new Set(["iat", "exp", "nbf"]);

/** The protected header, field by field. */
export function describeHeader(receipt: DecodedReceipt): ReceiptRow[] {
  return rows(receipt.header, HEADER_MEANINGS, new Date());
}

/** The claims, documented ones first in the README's order, then any other; times readable against `now`. */
export function describeClaims(receipt: DecodedReceipt, now: Date = new Date()): ReceiptRow[] {
  return rows(receipt.claims, CLAIM_MEANINGS, now);
}

function rows(
  values: Readonly<Record<string, unknown>>,
  meanings: Readonly<Record<string, string>>,
  now: Date,
): ReceiptRow[] {
  const known = Object.keys(meanings).filter((name) => name in values);
  const other = Object.keys(values).filter((name) => !(name in meanings));
  return [...known, ...other].map((name) => ({
    name,
    value: TIME_CLAIMS.has(name) ? formatEpochSeconds(values[name], now) : formatValue(values[name]),
    meaning: meanings[name] ?? "not a documented receipt claim",
  }));
}

/** A JSON value as one readable line: strings bare, objects as `key: value, ...`. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object" && !Array.isArray(value))
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${formatValue(item)}`)
      .join(", ");
  return JSON.stringify(value) ?? String(value);
}

/**
 * Seconds since the epoch as `2026-12-06 02:51:09 UTC (in 9 min 58 s; 1796525469)`. Not a safe integer: shown as
 * it is, with a note.
 */
export function formatEpochSeconds(value: unknown, now: Date): string {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || Math.abs(value) > 8.64e12)
    return `${JSON.stringify(value)} (not a time in seconds)`;
  const utc = `${new Date(value * 1000).toISOString().slice(0, 19).replace("T", " ")} UTC`;
  return `${utc} (${relative(value - Math.floor(now.getTime() / 1000))}; ${value})`;
}

/** A signed difference in seconds as "in 9 min 58 s", "3 h 2 min ago", "now". */
export function relative(seconds: number): string {
  if (seconds === 0) return "now";
  const span = duration(Math.abs(seconds));
  return seconds > 0 ? `in ${span}` : `${span} ago`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return join(Math.floor(seconds / 60), "min", seconds % 60, "s");
  if (seconds < 86_400)
    return join(Math.floor(seconds / 3600), "h", Math.floor((seconds % 3600) / 60), "min");
  return join(Math.floor(seconds / 86_400), "d", Math.floor((seconds % 86_400) / 3600), "h");
}

function join(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor ? `${major} ${majorUnit} ${minor} ${minorUnit}` : `${major} ${majorUnit}`;
}
