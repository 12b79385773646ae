import { ValidationError } from "../errors/index.js";
import { base64UrlToBytes } from "../token/base64url.js";
import { jwkThumbprint } from "./jwk-thumbprint.js";
import { ES256_KEY, ES256_SIGN, type ReceiptSigningKey } from "./receipt-signing-key.js";

/**
 * Imports a private EC P-256 JWK (as `generateReceiptKeyPair` makes it) for signing receipts. Its `kid` is
 * kept; without one, the RFC 7638 thumbprint is used. Throws a `ValidationError` naming the member that is
 * wrong (never its value) for anything but a P-256 private key.
 */
export async function importReceiptSigningKey(jwk: unknown): Promise<ReceiptSigningKey> {
  const fail = (message: string) => new ValidationError([{ field: "jwk", code: "invalid_value", message }]);
  if (typeof jwk !== "object" || jwk === null) throw fail("must be a private JWK object");
  const { kty, crv, x, y, d, kid } = jwk as Record<string, unknown>;
  if (kty !== "EC" || crv !== "P-256") throw fail('must be an EC key on P-256 ("kty": "EC", "crv": "P-256")');
  for (const [name, value] of [
    ["x", x],
    ["y", y],
    ["d", d],
  ] as const) {
    if (typeof value !== "string" || base64UrlToBytes(value)?.length !== 32) {
      throw fail(`"${name}" must be 32 bytes of base64url (a private key has "d")`);
    }
  }
  if (kid !== undefined && (typeof kid !== "string" || !/^[\x21-\x7e]{1,128}$/.test(kid))) {
    throw fail('"kid" must be 1 to 128 printable ASCII characters');
  }
  const point = { crv: "P-256", x: x as string, y: y as string };
  let privateKey: CryptoKey | undefined;
  let matches = false;
  try {
    privateKey = await crypto.subtle.importKey(
      "jwk",
      { kty: "EC", ...point, d: d as string } as JsonWebKey,
      ES256_KEY,
      false,
      ["sign"],
    );
    // A `d` that does not belong to (x, y) would sign receipts nobody can verify, and not every runtime
    // checks that on import (Deno does not): sign and verify once.
    const publicKey = await crypto.subtle.importKey(
      "jwk",
      { kty: "EC", ...point } as JsonWebKey,
      ES256_KEY,
      false,
      ["verify"],
    );
    const probe = new Uint8Array(8);
    const signature = await crypto.subtle.sign(ES256_SIGN, privateKey, probe);
    matches = await crypto.subtle.verify(ES256_SIGN, publicKey, signature, probe);
  } catch {
    matches = false;
  }
  if (!matches || privateKey === undefined) throw fail("is not a valid P-256 key pair");
  const id = (kid as string | undefined) ?? (await jwkThumbprint(point));
  return { kid: id, privateKey, publicJwk: { kty: "EC", ...point, kid: id, alg: "ES256", use: "sig" } };
}
