import { describe, expect, test } from "vitest";
import { base64UrlBytes, decodeReceipt } from "./decode-receipt.js";
import { receiptClaims, testSigner } from "./test-support/sign-test-receipt.js";

describe("decodeReceipt", () => {
  test("splits a signed receipt into its header, claims and a 64-byte ES256 signature", async () => {
    const signer = await testSigner();
    const claims = receiptClaims(1_796_000_000);
    const decoded = decodeReceipt(await signer.sign(claims));
    expect(decoded).toEqual({
      header: { alg: "ES256", kid: signer.kid, typ: "liveness-receipt+jwt" },
      claims,
      signatureBytes: 64,
    });
  });

  test("anything else is undefined, never an exception", () => {
    const part = (value: string) => btoa(value).replaceAll("=", "");
    for (const bad of [
      "",
      "a.b",
      "a.b.c.d",
      `${part("{}")}.${part("[1]")}.`,
      `${part("not json")}.${part("{}")}.`,
      `${part("{}")}.${part("null")}.`,
      `${part("{}")}.${part("{}")}.+/=`,
      `${part("{}")}..`,
      `${btoa("\xff\xfe")}.${part("{}")}.`,
    ])
      expect(decodeReceipt(bad), bad).toBeUndefined();
    expect(decodeReceipt(`${part("{}")}.${part('{"a":1}')}.`)).toEqual({
      header: {},
      claims: { a: 1 },
      signatureBytes: 0,
    });
  });

  test("base64url: the URL alphabet without padding; a length of 4n+1 is no encoding", () => {
    expect([...(base64UrlBytes("-_8") ?? [])]).toEqual([0xfb, 0xff]);
    expect(base64UrlBytes("abcde")).toBeUndefined();
    expect(base64UrlBytes("ab==")).toBeUndefined();
  });
});
