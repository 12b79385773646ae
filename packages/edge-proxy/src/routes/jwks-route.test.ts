import { describe, expect, it } from "vitest";
import { callProxy } from "../../test/call-proxy.js";
import { TEST_RECEIPT_SIGNING_KEY } from "../../test/test-constants.js";

const URL_ = "https://proxy.test/.well-known/jwks.json";
const { d: _d, ...signingPublic } = TEST_RECEIPT_SIGNING_KEY;

describe("GET /.well-known/jwks.json", () => {
  it("serves the signing key's public half, cacheable, without authentication", async () => {
    const response = await callProxy(new Request(URL_));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ keys: [signingPublic] });
    expect(text).not.toContain(TEST_RECEIPT_SIGNING_KEY.d);
    expect(text).not.toContain('"d"');
  });

  it("is open to every origin, even one the proxy does not allow to call", async () => {
    const response = await callProxy(new Request(URL_, { headers: { origin: "https://anyone.example" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await callProxy(
      new Request(URL_, {
        method: "OPTIONS",
        headers: { origin: "https://anyone.example", "access-control-request-method": "GET" },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  });

  it("publishes older keys after the signing key, for rotation (a key listed twice appears once)", async () => {
    const older = { ...signingPublic, kid: "2026-11", x: signingPublic.y, y: signingPublic.x };
    const response = await callProxy(new Request(URL_), {
      RECEIPT_PUBLIC_KEYS: JSON.stringify([older, signingPublic]),
    });
    expect(((await response.json()) as { keys: unknown[] }).keys).toEqual([signingPublic, older]);
  });

  it("answers 405 to other methods, and 503 when the proxy has no signing key", async () => {
    expect(
      (await callProxy(new Request(URL_, { method: "POST", body: "{}" }))).status,
    ).toBeGreaterThanOrEqual(404);
    const broken = await callProxy(new Request(URL_), { RECEIPT_SIGNING_KEY: "" });
    expect(broken.status).toBe(503);
  });
});
