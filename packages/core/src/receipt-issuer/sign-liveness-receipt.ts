import type { LivenessReceiptClaims } from "../receipt/receipt-claims.js";
import { RECEIPT_TYPE } from "../receipt/receipt-claims.js";
import { bytesToBase64Url } from "../token/base64url.js";
import { ES256_SIGN, type ReceiptSigningKey } from "./receipt-signing-key.js";

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * Signs receipt claims into a JWS compact JWT with ES256: header `{ alg: "ES256", kid, typ:
 * "liveness-receipt+jwt" }`, the claims as given. The signature is the raw 64-byte r||s that JWS uses
 * (which is what WebCrypto produces), so jose, PyJWT and any JOSE library verify it.
 */
export async function signLivenessReceipt(
  claims: LivenessReceiptClaims,
  key: ReceiptSigningKey,
): Promise<string> {
  const header = { alg: "ES256", kid: key.kid, typ: RECEIPT_TYPE };
  const part = (value: unknown) => bytesToBase64Url(encoder.encode(JSON.stringify(value)));
  const signed = `${part(header)}.${part(claims)}`;
  const signature = await crypto.subtle.sign(ES256_SIGN, key.privateKey, encoder.encode(signed));
  return `${signed}.${bytesToBase64Url(new Uint8Array(signature))}`;
}
