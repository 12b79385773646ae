import { describe, expect, test } from "vitest";
import { ValidationError } from "../errors/index.js";
import { generateReceiptKeyPair } from "./generate-receipt-key-pair.js";
import { importReceiptSigningKey } from "./import-receipt-signing-key.js";
import { jwkThumbprint } from "./jwk-thumbprint.js";

describe("generateReceiptKeyPair and importReceiptSigningKey", () => {
  test("make a P-256 pair whose kid is the RFC 7638 thumbprint; the public JWK has no d", async () => {
    const { privateJwk, publicJwk } = await generateReceiptKeyPair();
    expect(publicJwk).toEqual({
      kty: "EC",
      crv: "P-256",
      x: privateJwk.x,
      y: privateJwk.y,
      kid: await jwkThumbprint(privateJwk),
      alg: "ES256",
      use: "sig",
    });
    expect(privateJwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const key = await importReceiptSigningKey(privateJwk);
    expect(key.kid).toBe(publicJwk.kid);
    expect(key.publicJwk).toEqual(publicJwk);
    expect(key.privateKey.extractable).toBe(false);
  });

  test("the thumbprint is 32 bytes of base64url and depends on the point (jose cross-checks it in test/)", async () => {
    // The EC key of RFC 7515 appendix A.3.
    const fixed = {
      crv: "P-256",
      x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
      y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
    };
    expect(await jwkThumbprint(fixed)).toBe(await jwkThumbprint({ ...fixed }));
    expect(await jwkThumbprint(fixed)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await jwkThumbprint({ ...fixed, x: fixed.y, y: fixed.x })).not.toBe(await jwkThumbprint(fixed));
  });

  test("keeps a given kid", async () => {
    const { privateJwk } = await generateReceiptKeyPair();
    expect((await importReceiptSigningKey({ ...privateJwk, kid: "2026-12" })).kid).toBe("2026-12");
    const { kid: _kid, ...withoutKid } = privateJwk;
    expect((await importReceiptSigningKey(withoutKid)).kid).toBe(privateJwk.kid);
  });

  test.each([
    ["not an object", "text"],
    ["a public key", "public"],
    ["another curve", "curve"],
    ["a d of another key", "mismatch"],
    ["a bad kid", "kid"],
  ])("refuses %s with a ValidationError that never holds the key", async (_name, kind) => {
    const { privateJwk, publicJwk } = await generateReceiptKeyPair();
    const other = await generateReceiptKeyPair();
    const input = {
      text: "not a key",
      public: publicJwk,
      curve: { ...privateJwk, crv: "P-384" },
      mismatch: { ...privateJwk, d: other.privateJwk.d },
      kid: { ...privateJwk, kid: "" },
    }[kind];
    const error = await importReceiptSigningKey(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).not.toContain(privateJwk.d);
    expect(JSON.stringify(error)).not.toContain(other.privateJwk.d);
  });
});
