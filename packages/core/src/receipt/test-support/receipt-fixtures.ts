// Shared by the receipt tests: a signing key, claims as the proxy makes them, and hand-made tokens.
import { generateReceiptKeyPair } from "../../receipt-issuer/generate-receipt-key-pair.js";
import { importReceiptSigningKey } from "../../receipt-issuer/import-receipt-signing-key.js";
import type { ReceiptSigningKey } from "../../receipt-issuer/receipt-signing-key.js";
import { bytesToBase64Url } from "../../token/base64url.js";
import type { LivenessReceiptClaims, ReceiptJwks } from "../receipt-claims.js";

export const ISSUER = "https://proxy.example";
export const AUDIENCE = "app-backend";
/** 2026-12-06T00:00:00Z in seconds. */
export const NOW_SECONDS = 1_796_515_200;
export const NOW = new Date(NOW_SECONDS * 1000);

export async function testKey(): Promise<{ key: ReceiptSigningKey; jwks: ReceiptJwks }> {
  const { privateJwk } = await generateReceiptKeyPair();
  const key = await importReceiptSigningKey(privateJwk);
  return { key, jwks: { keys: [key.publicJwk] } };
}

export function testClaims(overrides: Partial<LivenessReceiptClaims> = {}): LivenessReceiptClaims {
  return {
    iss: ISSUER,
    sub: "dev",
    aud: AUDIENCE,
    iat: NOW_SECONDS,
    exp: NOW_SECONDS + 600,
    jti: "0123456789abcdef0123456789abcdef",
    merchantBizId: "order-42",
    merchantUserId: "a".repeat(64),
    transactionId: "hksb7ba1b28130d24e015d62e7a6ff9a",
    passed: true,
    subCode: "200",
    region: "ap-southeast-1",
    imageSha256: "b".repeat(64),
    face: { qualityScore: 91.2, attack: false },
    ...overrides,
  };
}

/** base64url of a JSON value, the way a JWS encodes its header and payload. */
export function part(value: unknown): string {
  return bytesToBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

/** Replaces one of the three parts of a compact JWS. */
export function withPart(receipt: string, index: 0 | 1 | 2, value: string): string {
  const parts = receipt.split(".");
  parts[index] = value;
  return parts.join(".");
}
