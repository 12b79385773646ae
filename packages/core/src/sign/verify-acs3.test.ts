import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalQuery } from "./canonical-query.js";
import { percentEncode } from "./percent-encode.js";
import { signRequest } from "./sign-request.js";
import { anyText } from "./test-support/any-text.js";
import { OFFICIAL_SDK_REQUEST, PUBLISHED_V3 } from "./test-support/signature-vectors.js";
import { verifyRequest } from "./verify-request.js";

// The ACS3 side of verifyRequest: round trips, tampering, and each failure code.

const ACCESS_KEY_ID = "test-key-id";
const ACCESS_KEY_SECRET = "test-key-secret";
const lookupSecret = (id: string): string | undefined =>
  id === ACCESS_KEY_ID ? ACCESS_KEY_SECRET : undefined;
const NOW = new Date("2025-01-02T03:04:05Z");
const HOST = "cloudauth-intl.ap-southeast-1.aliyuncs.com";

interface Received {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

interface RequestCase {
  method: string;
  path: string;
  params: [string, string][];
  headers: Record<string, string>;
  body: Uint8Array;
  securityToken: string | undefined;
}

function urlOf(
  path: string,
  params: [string, string][],
  encode: (text: string) => string = percentEncode,
): string {
  const query = params.map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
  return `https://${HOST}${path}${query === "" ? "" : `?${query}`}`;
}

async function signCase(requestCase: RequestCase, date: Date = NOW): Promise<Received> {
  const url = urlOf(requestCase.path, requestCase.params);
  const headers = await signRequest(
    { method: requestCase.method, url, headers: requestCase.headers, body: requestCase.body },
    {
      accessKeyId: ACCESS_KEY_ID,
      accessKeySecret: ACCESS_KEY_SECRET,
      securityToken: requestCase.securityToken,
    },
    { action: "FaceLivenessV2", version: "2022-08-09", date },
  );
  return { method: requestCase.method, url, headers, body: requestCase.body };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const requestCaseArbitrary: fc.Arbitrary<RequestCase> = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE"),
  path: fc
    .array(fc.string({ unit: "grapheme", maxLength: 6 }), { maxLength: 3 })
    .map((segments) => `/${segments.map(percentEncode).join("/")}`),
  params: fc.array(fc.tuple(fc.string({ unit: "grapheme", maxLength: 10 }), anyText(16)), {
    maxLength: 6,
  }),
  headers: fc
    .record(
      {
        extra: fc.dictionary(
          fc.stringMatching(/^x-acs-[a-z0-9]{1,8}$/),
          fc.stringMatching(/^[\x20-\x7e]{0,24}$/),
          {
            maxKeys: 3,
          },
        ),
        contentType: fc.option(
          fc.constantFrom("application/x-www-form-urlencoded", "application/octet-stream"),
          {
            nil: undefined,
          },
        ),
        userAgent: fc.option(fc.stringMatching(/^[\x21-\x7e]{1,16}$/), { nil: undefined }),
      },
      { requiredKeys: ["extra"] },
    )
    .map(({ extra, contentType, userAgent }) => ({
      ...extra,
      ...(contentType ? { "Content-Type": contentType } : {}),
      ...(userAgent ? { "User-Agent": userAgent } : {}),
    })),
  body: fc.oneof(fc.uint8Array({ maxLength: 256 }), anyText(64).map(utf8)),
  securityToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{1,40}$/), { nil: undefined }),
});

// Replaces the character at `position` with a printable, non-space character different from it.
function replaceCharacter(text: string, position: number, choice: number): string {
  const alphabet = "AZaz09-_.~%=&+!*()";
  const index = position % text.length;
  let replacement = alphabet[choice % alphabet.length] as string;
  if (replacement === text[index]) replacement = alphabet[(choice + 1) % alphabet.length] as string;
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

type TamperKind =
  | "query"
  | "header"
  | "body"
  | "date"
  | "nonce"
  | "method"
  | "path"
  | "signature"
  | "credential"
  | "added-header";

function tamper(received: Received, kind: TamperKind, position: number, choice: number): Received {
  const headers = { ...received.headers };
  switch (kind) {
    case "query": {
      const url = new URL(received.url);
      const raw = url.search.slice(1);
      if (raw === "") return { ...received, url: `${received.url}?tampered=1` };
      const changed = replaceCharacter(raw, position, choice);
      // Only a change that alters the decoded parameters is a tamper (%2a and %2A are the same).
      fc.pre(canonicalQuery(new URLSearchParams(changed)) !== canonicalQuery(new URLSearchParams(raw)));
      url.search = changed;
      return { ...received, url: url.href };
    }
    case "header": {
      const names = Object.keys(headers).filter(
        (name) => name !== "authorization" && /^(host|content-type|x-acs-.*)$/.test(name),
      );
      const name = names[position % names.length] as string;
      const value = headers[name] ?? "";
      headers[name] =
        value === "" ? "x" : replaceCharacter(value, Math.floor(position / names.length), choice);
      return { ...received, headers };
    }
    case "body": {
      if (received.body.length === 0) return { ...received, body: new Uint8Array([choice % 256]) };
      const body = received.body.slice();
      const index = position % body.length;
      body[index] = (body[index] as number) ^ ((choice % 255) + 1);
      return { ...received, body };
    }
    case "date": {
      const seconds = ((position % 600) + 1) * (choice % 2 === 0 ? 1 : -1);
      headers["x-acs-date"] = new Date(NOW.getTime() + seconds * 1000)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z");
      return { ...received, headers };
    }
    case "nonce":
      headers["x-acs-signature-nonce"] = replaceCharacter(
        headers["x-acs-signature-nonce"] ?? "",
        position,
        choice,
      );
      return { ...received, headers };
    case "method": {
      const methods = ["GET", "POST", "PUT", "DELETE", "PATCH"].filter(
        (method) => method !== received.method,
      );
      return { ...received, method: methods[choice % methods.length] as string };
    }
    case "path": {
      const url = new URL(received.url);
      url.pathname = `${url.pathname}x`;
      return { ...received, url: url.href };
    }
    case "signature": {
      const authorization = headers.authorization ?? "";
      const start = authorization.indexOf("Signature=") + "Signature=".length;
      const index = start + (position % 64);
      const digit = authorization[index] === "0" ? "1" : "0";
      headers.authorization = `${authorization.slice(0, index)}${digit}${authorization.slice(index + 1)}`;
      return { ...received, headers };
    }
    case "credential":
      headers.authorization = (headers.authorization ?? "").replace(
        `Credential=${ACCESS_KEY_ID}`,
        "Credential=other-key",
      );
      return { ...received, headers };
    case "added-header":
      headers["x-acs-added"] = "1";
      return { ...received, headers };
  }
}

describe("verifyRequest (ACS3-HMAC-SHA256)", () => {
  test("accepts Alibaba's published example", async () => {
    const result = await verifyRequest(
      {
        method: PUBLISHED_V3.method,
        url: PUBLISHED_V3.url,
        headers: { ...PUBLISHED_V3.headers, Authorization: PUBLISHED_V3.authorization },
      },
      (id) => (id === PUBLISHED_V3.accessKeyId ? PUBLISHED_V3.accessKeySecret : undefined),
      { now: new Date(PUBLISHED_V3.date) },
    );
    expect(result).toEqual({
      ok: true,
      signatureVersion: "v3",
      accessKeyId: PUBLISHED_V3.accessKeyId,
      action: PUBLISHED_V3.action,
      version: PUBLISHED_V3.version,
      nonce: PUBLISHED_V3.nonce,
      date: new Date(PUBLISHED_V3.date),
    });
  });

  test("accepts a request as the official SDK sends it (querystring-encoded query, form body)", async () => {
    const official = OFFICIAL_SDK_REQUEST;
    const result = await verifyRequest(
      {
        method: official.method,
        url: official.url,
        headers: new Headers({ ...official.headers, authorization: official.authorization }),
        body: utf8(official.body),
      },
      (id) => (id === official.accessKeyId ? official.accessKeySecret : undefined),
      { now: new Date(official.date) },
    );
    expect(result).toMatchObject({ ok: true, accessKeyId: official.accessKeyId, nonce: official.nonce });
  });

  test("accepts the same query written querystring-style, with + for spaces or lower-case escapes", async () => {
    const params: [string, string][] = [
      ["MerchantUserId", "a!b'c(d)e*f g~h"],
      ["Note", "100% é"],
    ];
    const received = await signCase({
      method: "POST",
      path: "/",
      params,
      headers: {},
      body: new Uint8Array(0),
      securityToken: undefined,
    });
    const variants = [
      urlOf("/", params, encodeURIComponent),
      urlOf("/", params, (text) => encodeURIComponent(text).replace(/%20/g, "+")),
      urlOf("/", params).replace(/%[0-9A-F]{2}/g, (percentEscape) => percentEscape.toLowerCase()),
    ];
    for (const url of variants) {
      expect(url).not.toBe(received.url);
      const result = await verifyRequest({ ...received, url }, lookupSecret, { now: NOW });
      expect(result.ok).toBe(true);
    }
  });

  test("accepts every signed request: random query, headers, body, method, path, STS token", async () => {
    await fc.assert(
      fc.asyncProperty(requestCaseArbitrary, fc.boolean(), async (requestCase, asHeadersObject) => {
        const received = await signCase(requestCase);
        const result = await verifyRequest(
          { ...received, headers: asHeadersObject ? new Headers(received.headers) : received.headers },
          lookupSecret,
          { now: NOW },
        );
        expect(result).toEqual({
          ok: true,
          signatureVersion: "v3",
          accessKeyId: ACCESS_KEY_ID,
          action: "FaceLivenessV2",
          version: "2022-08-09",
          nonce: received.headers["x-acs-signature-nonce"],
          date: NOW,
          ...(requestCase.securityToken ? { securityToken: requestCase.securityToken } : {}),
        });
      }),
      { numRuns: 150 },
    );
  });

  test("refuses any tampered byte: query, header, body, date, nonce, method, path, signature", async () => {
    const kinds: TamperKind[] = [
      "query",
      "header",
      "body",
      "date",
      "nonce",
      "method",
      "path",
      "signature",
      "credential",
      "added-header",
    ];
    await fc.assert(
      fc.asyncProperty(
        requestCaseArbitrary,
        fc.constantFrom(...kinds),
        fc.nat(),
        fc.nat(),
        async (requestCase, kind, position, choice) => {
          const received = await signCase(requestCase);
          const tampered = tamper(received, kind, position, choice);
          const result = await verifyRequest(tampered, lookupSecret, { now: NOW });
          expect(result.ok).toBe(false);
          if (
            !result.ok &&
            ["query", "body", "date", "nonce", "method", "path", "signature"].includes(kind)
          ) {
            expect(result.code).toBe("SignatureDoesNotMatch");
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  describe("failure codes", () => {
    const baseCase: RequestCase = {
      method: "POST",
      path: "/",
      params: [["MerchantBizId", "abc"]],
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: utf8("FacePictureBase64=AAAA"),
      securityToken: undefined,
    };

    test("IncompleteSignature when Authorization is missing, malformed or of another algorithm", async () => {
      const received = await signCase(baseCase);
      const { authorization, ...unsigned } = received.headers;
      for (const headers of [
        unsigned,
        { ...unsigned, authorization: "ACS3-HMAC-SHA256 Credential=test-key-id" },
        { ...unsigned, authorization: (authorization ?? "").replace("ACS3-HMAC-SHA256", "ACS3-HMAC-SM3") },
        { ...unsigned, authorization: "Bearer abc" },
      ]) {
        const result = await verifyRequest({ ...received, headers }, lookupSecret, { now: NOW });
        expect(result).toMatchObject({ ok: false, code: "IncompleteSignature" });
      }
    });

    test("IncompleteSignature when an x-acs-* header was not signed", async () => {
      const received = await signCase(baseCase);
      const headers = { ...received.headers, "x-acs-security-token": "injected" };
      const result = await verifyRequest({ ...received, headers }, lookupSecret, { now: NOW });
      expect(result).toMatchObject({ ok: false, code: "IncompleteSignature" });
      expect(result.ok || result.message).toContain("x-acs-security-token");
    });

    test("MissingParameter when a required x-acs-* header is absent", async () => {
      const received = await signCase(baseCase);
      const { "x-acs-signature-nonce": _nonce, ...headers } = received.headers;
      const result = await verifyRequest({ ...received, headers }, lookupSecret, { now: NOW });
      expect(result).toMatchObject({ ok: false, code: "MissingParameter" });
      expect(result.ok || result.message).toContain("x-acs-signature-nonce");
    });

    test("InvalidTimeStamp.Format when x-acs-date is not yyyy-MM-ddTHH:mm:ssZ", async () => {
      const received = await signCase(baseCase);
      const headers = { ...received.headers, "x-acs-date": "Thu, 02 Jan 2025 03:04:05 GMT" };
      const result = await verifyRequest({ ...received, headers }, lookupSecret, { now: NOW });
      expect(result).toMatchObject({ ok: false, code: "InvalidTimeStamp.Format" });
    });

    test("InvalidTimeStamp.Expired beyond 15 minutes either way, accepted within", async () => {
      const received = await signCase(baseCase);
      const minutes = (count: number): Date => new Date(NOW.getTime() + count * 60_000);
      for (const now of [minutes(15.1), minutes(-15.1)]) {
        const result = await verifyRequest(received, lookupSecret, { now });
        expect(result).toMatchObject({ ok: false, code: "InvalidTimeStamp.Expired" });
      }
      for (const now of [minutes(14.9), minutes(-14.9)]) {
        expect((await verifyRequest(received, lookupSecret, { now })).ok).toBe(true);
      }
      const strict = await verifyRequest(received, lookupSecret, { now: minutes(2), maxSkewMs: 60_000 });
      expect(strict).toMatchObject({ ok: false, code: "InvalidTimeStamp.Expired" });
    });

    test("InvalidAccessKeyId.NotFound for an unknown or empty secret", async () => {
      const received = await signCase(baseCase);
      for (const lookup of [() => undefined, async () => undefined, () => ""]) {
        const result = await verifyRequest(received, lookup, { now: NOW });
        expect(result).toMatchObject({ ok: false, code: "InvalidAccessKeyId.NotFound" });
      }
    });

    test("SignatureDoesNotMatch with the server's string to sign, which a correct client shares", async () => {
      const received = await signCase(baseCase);
      const result = await verifyRequest(received, () => "another-secret", { now: NOW });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe("SignatureDoesNotMatch");
      expect(result.stringToSign).toMatch(/^ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
      expect(result.message).toBe(
        `Specified signature is not matched with our calculation. server string to sign is:${result.stringToSign}`,
      );
      expect(result.message).not.toContain(ACCESS_KEY_SECRET);
      // The string to sign depends on the request only, not on the secret.
      const other = await verifyRequest(received, () => "yet-another-secret", { now: NOW });
      expect(other.ok || other.stringToSign).toBe(result.stringToSign);
    });

    test("SignatureDoesNotMatch when x-acs-content-sha256 does not match the body received", async () => {
      const received = await signCase(baseCase);
      const result = await verifyRequest(
        { ...received, body: utf8("FacePictureBase64=AAAB") },
        lookupSecret,
        {
          now: NOW,
        },
      );
      expect(result).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
      expect(result.ok || result.message).toContain("x-acs-content-sha256");
    });
  });
});
