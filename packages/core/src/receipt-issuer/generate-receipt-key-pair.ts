import type { ReceiptPublicJwk } from "../receipt/receipt-claims.js";
import { jwkThumbprint } from "./jwk-thumbprint.js";
import { ES256_KEY, type ReceiptPrivateJwk } from "./receipt-signing-key.js";

/**
 * Makes a fresh ES256 key pair for signing receipts: the private JWK (a secret: the proxy's
 * `RECEIPT_SIGNING_KEY`) and the public JWK a JWKS publishes. Both carry the same `kid`, the RFC 7638
 * thumbprint of the public key.
 */
export async function generateReceiptKeyPair(): Promise<{
  privateJwk: ReceiptPrivateJwk;
  publicJwk: ReceiptPublicJwk;
}> {
  const pair = (await crypto.subtle.generateKey(ES256_KEY, true, ["sign", "verify"])) as CryptoKeyPair;
  const exported = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  const point = { crv: "P-256", x: exported.x as string, y: exported.y as string };
  const kid = await jwkThumbprint(point);
  const publicJwk = { kty: "EC", ...point, kid, alg: "ES256", use: "sig" } as const;
  return { privateJwk: { ...publicJwk, crv: "P-256", d: exported.d as string }, publicJwk };
}
