import { mintCallerToken } from "@liveness-kit/core/token";
import { describe, expect, it } from "vitest";
import { callProxy } from "../../test/call-proxy.js";
import {
  OTHER_CALLER_KEY,
  TEST_CALLER_KEY,
  TEST_TOKEN_AUDIENCE,
  TEST_TOKEN_SECRET,
} from "../../test/test-constants.js";

// A body that fails validation: reaching its 400 proves authentication passed, without any upstream call.
function request(authorization?: string): Request {
  return new Request("https://proxy.test/v1/face-liveness", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: "{not json",
  });
}

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { code: string }).code;
}

function token(overrides: Partial<Parameters<typeof mintCallerToken>[0]> = {}): Promise<string> {
  return mintCallerToken({
    secret: TEST_TOKEN_SECRET,
    subject: `app-session-${crypto.randomUUID()}`,
    audience: TEST_TOKEN_AUDIENCE,
    ...overrides,
  });
}

/** Signs made-up claims with the test secret, as core does, to make tokens core refuses to mint. */
async function forgedToken(claims: Record<string, unknown>): Promise<string> {
  const encode = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  const signed = `lkt1.${encode(new TextEncoder().encode(JSON.stringify(claims)))}`;
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(TEST_TOKEN_SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(signed)));
  return `${signed}.${encode(mac)}`;
}

describe("caller keys", () => {
  it("refuses a request without credentials with 401 and a Bearer challenge", async () => {
    const response = await callProxy(request());
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(await codeOf(response)).toBe("missing_credentials");
  });

  it.each([
    ["Basic dGVzdDp0ZXN0", "another scheme"],
    ["Bearer", "no credential"],
    ["Bearer two words", "a space inside"],
    [`Bearer ${"k".repeat(5_000)}`, "an overlong credential"],
  ])("refuses %s (%s)", async (authorization) => {
    const response = await callProxy(request(authorization));
    expect(response.status).toBe(401);
    expect(await codeOf(response)).toBe("invalid_credentials");
  });

  it("refuses an unknown key, and one that differs from a configured key by one character", async () => {
    for (const key of ["nobody-knows-this-key", `${TEST_CALLER_KEY.slice(0, -1)}X`]) {
      const response = await callProxy(request(`Bearer ${key}`));
      expect(response.status).toBe(401);
      expect(await codeOf(response)).toBe("invalid_credentials");
    }
  });

  it("accepts every configured key (compared by SHA-256), whatever the scheme's case", async () => {
    for (const authorization of [`Bearer ${TEST_CALLER_KEY}`, `bearer ${OTHER_CALLER_KEY}`]) {
      const response = await callProxy(request(authorization));
      expect(response.status).toBe(400);
      expect(await codeOf(response)).toBe("invalid_json");
    }
  });

  it("never repeats the key in the answer", async () => {
    const response = await callProxy(request(`Bearer ${TEST_CALLER_KEY}X`));
    const text = `${[...response.headers].join("\n")}\n${await response.text()}`;
    expect(text).not.toContain(TEST_CALLER_KEY);
  });
});

describe("caller tokens", () => {
  it("accepts a fresh token once and refuses its replay", async () => {
    const credential = await token();
    const first = await callProxy(request(`Bearer ${credential}`));
    expect(first.status).toBe(400);
    const replay = await callProxy(request(`Bearer ${credential}`));
    expect(replay.status).toBe(401);
    expect(await codeOf(replay)).toBe("token_replayed");
  });

  it("lets exactly one of concurrent uses of a token through", async () => {
    const credential = await token();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => callProxy(request(`Bearer ${credential}`))),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([400, 401, 401, 401, 401]);
  });

  it("refuses an expired token", async () => {
    const credential = await token({ now: new Date(Date.now() - 11 * 60_000), ttlSeconds: 600 });
    const response = await callProxy(request(`Bearer ${credential}`));
    expect(response.status).toBe(401);
    expect(await codeOf(response)).toBe("token_expired");
  });

  it("holds a token to 600 s in all: a 600 s token from a clock 20 s ahead is not valid before its iat", async () => {
    // With the 30 s leeway on top, it would be accepted for 620 s.
    const early = await token({ now: new Date(Date.now() + 20_000), ttlSeconds: 600 });
    const response = await callProxy(request(`Bearer ${early}`));
    expect(response.status).toBe(401);
    expect(await codeOf(response)).toBe("token_not_yet_valid");
    // A shorter token from the same clock still has its leeway.
    const short = await token({ now: new Date(Date.now() + 20_000), ttlSeconds: 300 });
    expect(await codeOf(await callProxy(request(`Bearer ${short}`)))).toBe("invalid_json");
  });

  it("refuses a token for another audience", async () => {
    const response = await callProxy(request(`Bearer ${await token({ audience: "someone-else" })}`));
    expect(await codeOf(response)).toBe("token_wrong_audience");
  });

  it("refuses a token signed with another secret", async () => {
    const credential = await token({ secret: "another-secret-of-at-least-32-characters" });
    expect(await codeOf(await callProxy(request(`Bearer ${credential}`)))).toBe("token_bad_signature");
  });

  it("refuses a token that lives longer than 10 minutes", async () => {
    const now = Math.floor(Date.now() / 1000);
    const credential = await forgedToken({
      sub: "s",
      aud: TEST_TOKEN_AUDIENCE,
      iat: now,
      exp: now + 3_600,
      jti: crypto.randomUUID(),
    });
    expect(await codeOf(await callProxy(request(`Bearer ${credential}`)))).toBe("token_ttl_too_long");
  });

  it("refuses a malformed token", async () => {
    expect(await codeOf(await callProxy(request("Bearer lkt1.garbage.more")))).toBe("token_malformed");
  });

  it("refuses tokens when no token secret is configured", async () => {
    const response = await callProxy(request(`Bearer ${await token()}`), { CALLER_TOKEN_SECRET: "" });
    expect(response.status).toBe(401);
    expect(await codeOf(response)).toBe("invalid_credentials");
  });
});
