import { createHash } from "node:crypto";
import { STACK } from "../../support/stack-urls.js";
import type { BadRequestCase, ExpectedRefusal } from "./bad-request-case.js";
import { bearer, forgeCallerToken, freshCallerToken, TOKEN_AUDIENCE } from "./caller-credentials.js";
import { acceptableBody, jsonRequest } from "./json-request.js";

const unauthorized = (code: string | readonly string[]): ExpectedRefusal => ({ status: 401, code });

/** The acceptable body sent with `authorization` (a whole header value, or no header when null). */
function withAuthorization(
  name: string,
  expected: ExpectedRefusal,
  authorization: () => Promise<string | null> | string | null,
): BadRequestCase {
  return {
    name,
    expected,
    build: async () => {
      const request = await jsonRequest(acceptableBody());
      const value = await authorization();
      const { authorization: _dropped, ...headers } = request.headers;
      return {
        request: { ...request, headers: value === null ? headers : { ...headers, authorization: value } },
      };
    },
  };
}

/** Claims as core writes them, valid for the local proxy unless `changes` says otherwise. */
function claims(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000);
  return {
    sub: `sec-${crypto.randomUUID()}`,
    aud: TOKEN_AUDIENCE,
    iat,
    exp: iat + 300,
    jti: crypto.randomUUID().replaceAll("-", ""),
    ...changes,
  };
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);
const token = (options: Parameters<typeof freshCallerToken>[0] = {}) =>
  freshCallerToken(options).then((t) => `Bearer ${t}`);

/** Changes one character of the part of a token at `index` (0 prefix, 1 claims, 2 signature). */
async function tampered(index: number): Promise<string> {
  const parts = (await freshCallerToken()).split(".");
  const part = parts[index] ?? "";
  const at = Math.floor(part.length / 2);
  parts[index] = `${part.slice(0, at)}${part[at] === "A" ? "B" : "A"}${part.slice(at + 1)}`;
  return `Bearer ${parts.join(".")}`;
}

/** Missing, malformed and wrong caller keys; expired, forged, tampered and replayed caller tokens. */
export const callerTokenCases: BadRequestCase[] = [
  withAuthorization("no Authorization header", unauthorized("missing_credentials"), () => null),
  withAuthorization(
    "an empty Authorization header",
    unauthorized(["invalid_credentials", "missing_credentials"]),
    () => "",
  ),
  withAuthorization("Bearer and nothing else", unauthorized("invalid_credentials"), () => "Bearer"),
  withAuthorization(
    "a wrong caller key",
    unauthorized("invalid_credentials"),
    () => "Bearer not-the-dev-caller-key",
  ),
  withAuthorization(
    "the caller key without the Bearer scheme",
    unauthorized("invalid_credentials"),
    () => STACK.callerKey,
  ),
  withAuthorization(
    "the caller key in Basic auth",
    unauthorized("invalid_credentials"),
    () => `Basic ${Buffer.from(`dev:${STACK.callerKey}`).toString("base64")}`,
  ),
  withAuthorization(
    "the caller key followed by another word",
    unauthorized("invalid_credentials"),
    () => `Bearer ${STACK.callerKey} extra`,
  ),
  withAuthorization(
    "the caller key with a different case",
    unauthorized("invalid_credentials"),
    () => `Bearer ${STACK.callerKey.toUpperCase()}`,
  ),
  withAuthorization(
    "the stored SHA-256 of the caller key instead of the key",
    unauthorized("invalid_credentials"),
    () => `Bearer ${createHash("sha256").update(STACK.callerKey).digest("hex")}`,
  ),
  withAuthorization(
    "a 5,000-character credential",
    unauthorized("invalid_credentials"),
    () => `Bearer ${"k".repeat(5_000)}`,
  ),
  withAuthorization("an expired token (minted 20 minutes ago for 5)", unauthorized("token_expired"), () =>
    token({ now: minutes(-20) }),
  ),
  withAuthorization("a token that expired a second ago", unauthorized("token_expired"), () =>
    token({ now: new Date(Date.now() - 301_000), ttlSeconds: 300 }),
  ),
  withAuthorization("a token minted 10 minutes in the future", unauthorized("token_not_yet_valid"), () =>
    token({ now: minutes(10) }),
  ),
  // 600 s from a clock 20 s ahead, with 30 s of leeway on top, would have lived 620 s: at most 600 in all.
  withAuthorization("a 600 s token minted 20 s in the future", unauthorized("token_not_yet_valid"), () =>
    token({ now: new Date(Date.now() + 20_000), ttlSeconds: 600 }),
  ),
  withAuthorization("a token signed with another secret", unauthorized("token_bad_signature"), () =>
    token({ secret: "another-secret-that-is-at-least-32-characters" }),
  ),
  withAuthorization("a token whose claims were edited", unauthorized("token_bad_signature"), () =>
    tampered(1),
  ),
  withAuthorization(
    "a token whose signature was edited",
    unauthorized(["token_bad_signature", "token_malformed"]),
    () => tampered(2),
  ),
  withAuthorization("a token for another audience", unauthorized("token_wrong_audience"), () =>
    token({ audience: "another-service" }),
  ),
  withAuthorization("a forged token living an hour", unauthorized("token_ttl_too_long"), () => {
    const iat = Math.floor(Date.now() / 1000);
    return `Bearer ${forgeCallerToken(claims({ iat, exp: iat + 3_600 }))}`;
  }),
  withAuthorization(
    "a forged token that expires before it is issued",
    unauthorized("token_ttl_too_long"),
    () => {
      const iat = Math.floor(Date.now() / 1000);
      return `Bearer ${forgeCallerToken(claims({ iat, exp: iat - 1 }))}`;
    },
  ),
  withAuthorization(
    "a signed token whose claims are not JSON",
    unauthorized("token_malformed"),
    () => `Bearer ${forgeCallerToken("not json")}`,
  ),
  withAuthorization(
    "a signed token without jti",
    unauthorized("token_malformed"),
    () => `Bearer ${forgeCallerToken(claims({ jti: undefined }))}`,
  ),
  withAuthorization(
    "a signed token with iat as a string",
    unauthorized("token_malformed"),
    () => `Bearer ${forgeCallerToken(claims({ iat: String(Math.floor(Date.now() / 1000)) }))}`,
  ),
  withAuthorization(
    "a signed token with an empty subject",
    unauthorized("token_malformed"),
    () => `Bearer ${forgeCallerToken(claims({ sub: "" }))}`,
  ),
  withAuthorization(
    "a signed token with a 200-character jti",
    unauthorized("token_malformed"),
    () => `Bearer ${forgeCallerToken(claims({ jti: "j".repeat(200) }))}`,
  ),
  withAuthorization(
    "a signed token with another prefix",
    unauthorized("invalid_credentials"),
    () => `Bearer ${forgeCallerToken(claims(), { prefix: "lkt2" })}`,
  ),
  withAuthorization("a token without its signature", unauthorized("token_malformed"), async () => {
    const [prefix, body] = (await freshCallerToken()).split(".");
    return `Bearer ${prefix}.${body}.`;
  }),
  withAuthorization(
    "a token with a fourth part",
    unauthorized("token_malformed"),
    async () => `Bearer ${await freshCallerToken()}.AAAA`,
  ),
  withAuthorization("lkt1. alone", unauthorized("token_malformed"), () => "Bearer lkt1."),
  withAuthorization(
    "a token over 4,096 characters",
    unauthorized("invalid_credentials"),
    () => `Bearer ${forgeCallerToken(claims({ sub: "s".repeat(200), pad: "p".repeat(2_900) }))}`,
  ),
  withAuthorization(
    "a signed token with an empty secret",
    unauthorized("token_bad_signature"),
    () => `Bearer ${forgeCallerToken(claims(), { secret: "" })}`,
  ),
  {
    name: "a token used a second time (replay)",
    expected: unauthorized("token_replayed"),
    build: async () => {
      const once = await freshCallerToken();
      // The first use spends the token (on a body that is refused anyway); the replay must be refused.
      const first = await jsonRequest("{", { headers: bearer(once) });
      const second = await jsonRequest(acceptableBody(), { headers: bearer(once) });
      return { before: [first], request: second };
    },
  },
  {
    name: "a token replayed after a refused request without a body",
    expected: unauthorized("token_replayed"),
    build: async () => {
      const once = await freshCallerToken();
      const first = await jsonRequest("", { headers: bearer(once), contentType: "text/plain" });
      const second = await jsonRequest(acceptableBody(), { headers: bearer(once) });
      return { before: [first], request: second };
    },
  },
  {
    name: "raw: the dev caller key as a second Authorization header after a bad one",
    expected: unauthorized("invalid_credentials"),
    build: async () => {
      const body = JSON.stringify(acceptableBody());
      const head = [
        "POST /v1/face-liveness HTTP/1.1",
        "Host: 127.0.0.1",
        "Authorization: Bearer wrong",
        `Authorization: Bearer ${STACK.callerKey}`,
        "Content-Type: application/json",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "",
        "",
      ].join("\r\n");
      return { request: { via: "socket", chunks: [Buffer.from(head), Buffer.from(body)] } };
    },
  },
  {
    name: "raw: non-ASCII bytes in the Authorization header",
    expected: unauthorized("invalid_credentials"),
    build: async () => {
      const body = JSON.stringify(acceptableBody());
      const head = Buffer.concat([
        Buffer.from(
          "POST /v1/face-liveness HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer dev-caller-k",
        ),
        Buffer.from([0xc3, 0xa9, 0xff]),
        Buffer.from(
          `\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
        ),
      ]);
      return { request: { via: "socket", chunks: [head, Buffer.from(body)] } };
    },
  },
];
