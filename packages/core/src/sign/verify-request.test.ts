import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { signRequest } from "./sign-request.js";
import { verifyRequest } from "./verify-request.js";

// Dispatch and robustness of verifyRequest; the V3 and V2 details are in verify-acs3.test.ts and verify-v2.test.ts.

const NOW = new Date("2025-01-02T03:04:05Z");
const lookupSecret = (id: string): string | undefined => (id === "id" ? "secret" : undefined);

async function signed() {
  const url = "https://h.example/?a=1";
  const headers = await signRequest(
    { method: "POST", url, body: "x=1" },
    { accessKeyId: "id", accessKeySecret: "secret" },
    { action: "A", version: "1", date: NOW },
  );
  return { method: "POST", url, headers, body: new TextEncoder().encode("x=1") };
}

describe("verifyRequest", () => {
  test("IncompleteSignature for a request with neither Authorization nor Signature", async () => {
    const result = await verifyRequest({ method: "GET", url: "https://h/?a=1", headers: {} }, lookupSecret);
    expect(result).toMatchObject({ ok: false, code: "IncompleteSignature" });
  });

  test("prefers ACS3 when Authorization says so, even with a Signature parameter", async () => {
    const received = await signed();
    const result = await verifyRequest({ ...received, url: `${received.url}&Signature=x` }, lookupSecret, {
      now: NOW,
    });
    // The query changed, so ACS3 refuses it on the signature, not on V2's missing parameters.
    expect(result).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
  });

  test("accepts a bare path with the host in the headers, as Node's req.url gives it", async () => {
    const received = await signed();
    const result = await verifyRequest({ ...received, url: "/?a=1" }, lookupSecret, { now: NOW });
    expect(result.ok).toBe(true);
  });

  test("takes host from the URL when no host header arrived", async () => {
    const received = await signed();
    const { host: _host, ...headers } = received.headers;
    expect((await verifyRequest({ ...received, headers }, lookupSecret, { now: NOW })).ok).toBe(true);
  });

  test("treats a missing body as empty", async () => {
    const url = "https://h.example/";
    const headers = await signRequest(
      { method: "GET", url },
      { accessKeyId: "id", accessKeySecret: "secret" },
      { action: "A", version: "1", date: NOW },
    );
    expect((await verifyRequest({ method: "GET", url, headers }, lookupSecret, { now: NOW })).ok).toBe(true);
  });

  test("passes on an error thrown by lookupSecret", async () => {
    const received = await signed();
    const failure = new Error("store unavailable");
    await expect(
      verifyRequest(
        received,
        () => {
          throw failure;
        },
        { now: NOW },
      ),
    ).rejects.toBe(failure);
  });

  test("never throws on hostile input: it resolves to a failure", async () => {
    const hostile = fc.record({
      method: fc.oneof(fc.string(), fc.constant(undefined), fc.integer()),
      url: fc.oneof(
        fc.string(),
        // Real URLs with hostile queries (fc.webUrl spends about a second on first use).
        fc.string().map((query) => `https://h.example/?${query}`),
        fc.string().map((query) => `/?Signature=x&${query}`),
        fc.constantFrom("https://h/%zz?%E0%A4%A=1&=&&Signature", "http://[::1]:8080/?Signature=%FF"),
        fc.constant(null),
      ),
      headers: fc.oneof(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()), fc.integer())),
        fc.constant(null),
        fc.record({
          authorization: fc.oneof(
            fc.string().map((text) => `ACS3-HMAC-SHA256 ${text}`),
            fc.constant(
              `ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;x-acs-date,Signature=${"0".repeat(64)}`,
            ),
          ),
          "x-acs-date": fc.string(),
          "x-acs-action": fc.string(),
          "x-acs-version": fc.string(),
          "x-acs-signature-nonce": fc.string(),
          "x-acs-content-sha256": fc.string(),
          "content-type": fc.constantFrom(FORM_TYPE, "text/plain"),
        }),
      ),
      body: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.string(), fc.constant(undefined), fc.constant(42)),
    });
    await fc.assert(
      fc.asyncProperty(hostile, async (request) => {
        const result = await verifyRequest(request as never, lookupSecret, { now: NOW });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  test("never throws on a V2-looking body of invalid UTF-8", async () => {
    const result = await verifyRequest(
      {
        method: "POST",
        url: "https://h/",
        headers: { "content-type": FORM_TYPE },
        body: new Uint8Array([0x53, 0x69, 0x67, 0x6e, 0x61, 0x74, 0x75, 0x72, 0x65, 0x3d, 0xff, 0xfe]),
      },
      lookupSecret,
    );
    expect(result).toMatchObject({ ok: false, code: "MissingParameter" });
  });
});

const FORM_TYPE = "application/x-www-form-urlencoded";
