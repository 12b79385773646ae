import { describe, expect, it } from "vitest";
import { callProxy } from "../../test/call-proxy.js";
import { ALLOWED_ORIGIN } from "../../test/test-constants.js";

function preflight(origin: string | undefined, requestHeaders = "authorization, content-type"): Request {
  return new Request("https://proxy.test/v1/face-liveness", {
    method: "OPTIONS",
    headers: {
      ...(origin === undefined ? {} : { origin }),
      "access-control-request-method": "POST",
      "access-control-request-headers": requestHeaders,
    },
  });
}

describe("CORS", () => {
  it("answers the preflight of an allowed origin", async () => {
    const response = await callProxy(preflight(ALLOWED_ORIGIN));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(response.headers.get("vary")).toContain("Origin");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("refuses the preflight of any other origin, without CORS headers", async () => {
    for (const origin of [
      "https://evil.example",
      "null",
      `${ALLOWED_ORIGIN}.evil.example`,
      "http://app.example.com",
    ]) {
      const response = await callProxy(preflight(origin));
      expect(response.status).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("refuses a preflight asking for headers the proxy does not accept", async () => {
    const response = await callProxy(preflight(ALLOWED_ORIGIN, "authorization, x-forwarded-for"));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe("header_not_allowed");
  });

  it("adds CORS headers to answers for an allowed origin, exposing the useful headers", async () => {
    const response = await callProxy(
      new Request("https://proxy.test/healthz", { headers: { origin: ALLOWED_ORIGIN } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-expose-headers")).toContain("x-request-id");
    expect(response.headers.get("access-control-expose-headers")).toContain("idempotent-replay");
  });

  it("is not authentication: an allowed origin without credentials still gets 401 (readable by the page)", async () => {
    const response = await callProxy(
      new Request("https://proxy.test/v1/face-liveness", {
        method: "POST",
        headers: { origin: ALLOWED_ORIGIN, "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
  });

  it("refuses requests from other browser origins before anything else", async () => {
    const response = await callProxy(
      new Request("https://proxy.test/healthz", { headers: { origin: "https://evil.example" } }),
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe("origin_not_allowed");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("leaves requests without an Origin (servers, curl) without CORS headers", async () => {
    const response = await callProxy(new Request("https://proxy.test/healthz"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const options = await callProxy(preflight(undefined));
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toContain("POST");
  });
});
