import { bytesToBase64Url } from "../token/base64url.js";

/**
 * The RFC 7638 thumbprint of an EC public key: base64url SHA-256 of its required members in lexical order.
 * Used as the `kid`, so a key's id follows from the key itself.
 */
export async function jwkThumbprint(jwk: { crv: string; x: string; y: string }): Promise<string> {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: "EC", x: jwk.x, y: jwk.y });
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical));
  return bytesToBase64Url(new Uint8Array(digest));
}
