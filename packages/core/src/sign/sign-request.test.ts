import { describe, expect, test } from "vitest";
import { ValidationError } from "../errors/index.js";
import { sha256Hex } from "./hash.js";
import { signRequest } from "./sign-request.js";
import { OFFICIAL_SDK_REQUEST, PUBLISHED_V3 } from "./test-support/signature-vectors.js";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("signRequest", () => {
  test("reproduces the published example byte for byte", async () => {
    const headers = await signRequest(
      { method: PUBLISHED_V3.method, url: PUBLISHED_V3.url },
      { accessKeyId: PUBLISHED_V3.accessKeyId, accessKeySecret: PUBLISHED_V3.accessKeySecret },
      {
        action: PUBLISHED_V3.action,
        version: PUBLISHED_V3.version,
        date: new Date(PUBLISHED_V3.date),
        nonce: PUBLISHED_V3.nonce,
      },
    );
    expect(headers).toEqual({ ...PUBLISHED_V3.headers, authorization: PUBLISHED_V3.authorization });
  });

  test("agrees with the official signer on a form body and a querystring-encoded query", async () => {
    const official = OFFICIAL_SDK_REQUEST;
    const headers = await signRequest(
      {
        method: official.method,
        url: official.url,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "AlibabaCloud (test)" },
        body: official.body,
      },
      { accessKeyId: official.accessKeyId, accessKeySecret: official.accessKeySecret },
      {
        action: official.action,
        version: official.version,
        date: new Date(official.date),
        nonce: official.nonce,
      },
    );
    expect(headers["x-acs-content-sha256"]).toBe(official.headers["x-acs-content-sha256"]);
    expect(headers.authorization).toBe(official.authorization);
    expect(headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(headers["user-agent"]).toBe("AlibabaCloud (test)");
  });

  test("hashes the exact body bytes, a string as UTF-8", async () => {
    const options = { action: "A", version: "1", date: new Date("2025-01-01T00:00:00Z"), nonce: "n" };
    const credentials = { accessKeyId: "id", accessKeySecret: "secret" };
    const url = "https://example.com/";
    const fromText = await signRequest({ method: "POST", url, body: "é=1" }, credentials, options);
    const fromBytes = await signRequest(
      { method: "POST", url, body: new TextEncoder().encode("é=1") },
      credentials,
      options,
    );
    expect(fromText["x-acs-content-sha256"]).toBe(await sha256Hex(new Uint8Array([0xc3, 0xa9, 0x3d, 0x31])));
    expect(fromBytes).toEqual(fromText);
  });

  test("signs the same whatever valid encoding the query arrives in", async () => {
    const credentials = { accessKeyId: "id", accessKeySecret: "secret" };
    const options = { action: "A", version: "1", date: new Date("2025-01-01T00:00:00Z"), nonce: "n" };
    const canonical = await signRequest(
      { method: "GET", url: "https://h/?b=x%2Ay&a=%21" },
      credentials,
      options,
    );
    const raw = await signRequest({ method: "GET", url: "https://h/?a=!&b=x*y" }, credentials, options);
    const lower = await signRequest(
      { method: "get", url: new URL("https://h/?a=%21&b=x%2ay") },
      credentials,
      options,
    );
    expect(raw.authorization).toBe(canonical.authorization);
    expect(lower.authorization).toBe(canonical.authorization);
  });

  test("adds x-acs-security-token with STS credentials and signs it", async () => {
    const base = { accessKeyId: "STS.id", accessKeySecret: "secret" };
    const options = { action: "A", version: "1", date: new Date("2025-01-01T00:00:00Z"), nonce: "n" };
    const request = { method: "POST", url: "https://h/" };
    const withToken = await signRequest(request, { ...base, securityToken: "token-1" }, options);
    const without = await signRequest(request, base, options);
    expect(withToken["x-acs-security-token"]).toBe("token-1");
    expect(withToken.authorization).toContain("x-acs-date;x-acs-security-token;x-acs-signature-nonce");
    expect(without["x-acs-security-token"]).toBeUndefined();
    expect(withToken.authorization).not.toBe(without.authorization);
  });

  test("takes host from the URL, port included, and lets generated headers win", async () => {
    const headers = await signRequest(
      {
        method: "POST",
        url: "http://127.0.0.1:8787/",
        headers: {
          Host: "evil.example",
          "X-ACS-Action": "Other",
          Authorization: "old",
          "x-acs-content-sha256": "0",
        },
      },
      { accessKeyId: "id", accessKeySecret: "secret" },
      { action: "FaceLivenessV2", version: "2022-08-09" },
    );
    expect(headers.host).toBe("127.0.0.1:8787");
    expect(headers["x-acs-action"]).toBe("FaceLivenessV2");
    expect(headers["x-acs-content-sha256"]).toBe(EMPTY_SHA256);
    expect(headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;/);
    expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  test("uses the current time and a fresh nonce by default", async () => {
    const request = { method: "POST", url: "https://h/" };
    const credentials = { accessKeyId: "id", accessKeySecret: "secret" };
    const before = Date.now();
    const first = await signRequest(request, credentials, { action: "A", version: "1" });
    const second = await signRequest(request, credentials, { action: "A", version: "1" });
    const signedAt = new Date(first["x-acs-date"] ?? "").getTime();
    expect(signedAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(signedAt).toBeLessThanOrEqual(Date.now());
    expect(first["x-acs-signature-nonce"]).toMatch(/^[0-9a-f]{32}$/);
    expect(first["x-acs-signature-nonce"]).not.toBe(second["x-acs-signature-nonce"]);
  });

  test("refuses unusable input with one ValidationError listing every problem, without the secret", async () => {
    const secret = "do-not-leak-this-secret";
    const error = await signRequest(
      { method: "", url: "not a url" },
      { accessKeyId: "", accessKeySecret: secret },
      { action: undefined as unknown as string, version: "" },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).issues.map((issue) => issue.field);
    expect(fields).toEqual(["url", "method", "accessKeyId", "action", "version"]);
    expect((error as ValidationError).message).not.toContain(secret);
  });

  test("refuses an empty secret, a URL without a host and an invalid date", async () => {
    const request = { method: "POST", url: "https://h/" };
    await expect(
      signRequest(
        { method: "POST", url: "mailto:a@b" },
        { accessKeyId: "id", accessKeySecret: "s" },
        { action: "A", version: "1" },
      ),
    ).rejects.toThrow(ValidationError);
    await expect(
      signRequest(request, { accessKeyId: "id", accessKeySecret: "" }, { action: "A", version: "1" }),
    ).rejects.toThrow(ValidationError);
    await expect(
      signRequest(
        request,
        { accessKeyId: "id", accessKeySecret: "s" },
        { action: "A", version: "1", date: new Date(Number.NaN) },
      ),
    ).rejects.toThrow(ValidationError);
  });
});
