import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { percentEncode } from "./percent-encode.js";
import { signRequestV2 } from "./sign-request-v2.js";
import { PUBLISHED_V2 } from "./test-support/signature-vectors.js";
import { verifyRequest } from "./verify-request.js";

// The legacy V2 (HMAC-SHA1) side of verifyRequest.

const lookupSecret = (id: string): string | undefined => (id === "testid" ? "testsecret" : undefined);
const NOW = new Date("2025-01-02T03:04:05Z");
const FORM = "application/x-www-form-urlencoded";

const encodeForm = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join("&");

async function signedV2(params: Record<string, string>, formNames: string[] = []) {
  const signed = await signRequestV2(
    { method: "POST", params },
    { accessKeyId: "testid", accessKeySecret: "testsecret" },
    { action: "FaceLivenessV2", version: "2022-08-09", date: NOW, nonce: "nonce-1" },
  );
  const query = Object.fromEntries(Object.entries(signed).filter(([name]) => !formNames.includes(name)));
  const form = Object.fromEntries(Object.entries(signed).filter(([name]) => formNames.includes(name)));
  return {
    method: "POST",
    url: `https://h.example/?${encodeForm(query)}`,
    headers: { "content-type": FORM },
    body: new TextEncoder().encode(encodeForm(form)),
  };
}

describe("verifyRequest (legacy V2)", () => {
  test("accepts Alibaba's published V2 example, parameters in any order", async () => {
    const entries = Object.entries({ ...PUBLISHED_V2.params, Signature: PUBLISHED_V2.signature }).reverse();
    const result = await verifyRequest(
      {
        method: PUBLISHED_V2.method,
        url: `http://ecs.aliyuncs.com/?${new URLSearchParams(entries)}`,
        headers: {},
      },
      (id) => (id === PUBLISHED_V2.params.AccessKeyId ? PUBLISHED_V2.accessKeySecret : undefined),
      { now: new Date("2016-02-23T12:50:00Z") },
    );
    expect(result).toEqual({
      ok: true,
      signatureVersion: "v2",
      accessKeyId: PUBLISHED_V2.params.AccessKeyId,
      action: PUBLISHED_V2.params.Action,
      version: PUBLISHED_V2.params.Version,
      nonce: PUBLISHED_V2.params.SignatureNonce,
      date: new Date(PUBLISHED_V2.params.Timestamp),
    });
  });

  test("accepts parameters split between query and form body, and refuses any changed value", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.stringMatching(/^[A-Z][A-Za-z]{0,8}$/),
          fc.string({ unit: "grapheme", maxLength: 12 }),
          {
            maxKeys: 5,
          },
        ),
        fc.nat(),
        async (params, pick) => {
          const names = Object.keys(params);
          const received = await signedV2(
            params,
            names.filter((_, index) => index % 2 === 0),
          );
          expect((await verifyRequest(received, lookupSecret, { now: NOW })).ok).toBe(true);

          const url = new URL(received.url);
          const queryNames = [...url.searchParams.keys()].filter((name) => name !== "Signature");
          const name = queryNames[pick % queryNames.length] as string;
          url.searchParams.set(name, `${url.searchParams.get(name)}x`);
          const tampered = await verifyRequest({ ...received, url: url.href }, lookupSecret, { now: NOW });
          expect(tampered.ok).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });

  test("refuses a changed form body", async () => {
    const received = await signedV2({ FacePictureBase64: "AAAA" }, ["FacePictureBase64"]);
    expect((await verifyRequest(received, lookupSecret, { now: NOW })).ok).toBe(true);
    const body = new TextEncoder().encode("FacePictureBase64=AAAB");
    const result = await verifyRequest({ ...received, body }, lookupSecret, { now: NOW });
    expect(result).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
  });

  test("reads the form body only when the content type says it is a form", async () => {
    const received = await signedV2({ FacePictureBase64: "AAAA" }, ["FacePictureBase64"]);
    const result = await verifyRequest({ ...received, headers: {} }, lookupSecret, { now: NOW });
    expect(result).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
  });

  test("MissingParameter lists every missing common parameter", async () => {
    const received = await signedV2({});
    const url = new URL(received.url);
    url.searchParams.delete("Timestamp");
    url.searchParams.delete("SignatureNonce");
    const result = await verifyRequest({ ...received, url: url.href }, lookupSecret, { now: NOW });
    expect(result).toMatchObject({ ok: false, code: "MissingParameter" });
    expect(result.ok || result.message).toContain("SignatureNonce, Timestamp");
  });

  test("IncompleteSignature for another signature method", async () => {
    const received = await signedV2({});
    const url = new URL(received.url);
    url.searchParams.set("SignatureMethod", "HMAC-SHA256");
    const result = await verifyRequest({ ...received, url: url.href }, lookupSecret, { now: NOW });
    expect(result).toMatchObject({ ok: false, code: "IncompleteSignature" });
  });

  test("checks Timestamp: format, and 15 minutes either way", async () => {
    const received = await signedV2({});
    const url = new URL(received.url);
    url.searchParams.set("Timestamp", "2025-01-02");
    expect(await verifyRequest({ ...received, url: url.href }, lookupSecret, { now: NOW })).toMatchObject({
      ok: false,
      code: "InvalidTimeStamp.Format",
    });
    const late = new Date(NOW.getTime() + 16 * 60_000);
    expect(await verifyRequest(received, lookupSecret, { now: late })).toMatchObject({
      ok: false,
      code: "InvalidTimeStamp.Expired",
    });
  });

  test("InvalidAccessKeyId.NotFound for an unknown key", async () => {
    const received = await signedV2({});
    expect(await verifyRequest(received, () => undefined, { now: NOW })).toMatchObject({
      ok: false,
      code: "InvalidAccessKeyId.NotFound",
    });
  });

  test("SignatureDoesNotMatch shows the string to sign, with long values (an image) elided", async () => {
    const image = "A".repeat(5000);
    const received = await signedV2({ FacePictureBase64: image, MerchantBizId: "abc" }, [
      "FacePictureBase64",
    ]);
    const result = await verifyRequest(received, () => "wrong", { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("SignatureDoesNotMatch");
    expect(result.message).toMatch(
      /^Specified signature is not matched with our calculation\. server string to sign is:POST&%2F&/,
    );
    expect(result.message).toContain("MerchantBizId%3Dabc");
    expect(result.message).toContain("5000%2520characters%2520elided");
    expect(result.message).not.toContain("AAAAAAAA");
    expect(result.message).not.toContain("testsecret");
    expect(result.stringToSign).toContain(image);
  });
});
