import type { ReceiptPublicJwk } from "../receipt/receipt-claims.js";

/** An ES256 private key ready to sign, with the public key a JWKS publishes for it. */
export interface ReceiptSigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  /** `{ kty, crv, x, y, kid, alg: "ES256", use: "sig" }`: never the private `d`. */
  readonly publicJwk: ReceiptPublicJwk;
}

/** A private JWK as `generateReceiptKeyPair` makes it and `importReceiptSigningKey` reads it. */
export interface ReceiptPrivateJwk {
  readonly kty: "EC";
  readonly crv: "P-256";
  readonly x: string;
  readonly y: string;
  readonly d: string;
  readonly kid: string;
  readonly alg: "ES256";
  readonly use: "sig";
}

/** The WebCrypto parameters of ES256. */
export const ES256_KEY = { name: "ECDSA", namedCurve: "P-256" } as const;
/** The WebCrypto parameters of an ES256 signature. */
export const ES256_SIGN = { name: "ECDSA", hash: "SHA-256" } as const;
