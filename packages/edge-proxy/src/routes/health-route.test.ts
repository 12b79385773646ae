import { describe, expect, it } from "vitest";
import { callProxy } from "../../test/call-proxy.js";

describe("GET /healthz", () => {
  it("answers 200 with a request id and no configuration", async () => {
    const response = await callProxy(new Request("https://proxy.test/healthz"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.status).toBe("ok");
    expect(body.requestId).toBe(response.headers.get("x-request-id"));
    expect(Object.keys(body).sort()).toEqual(["requestId", "status"]);
  });

  it("answers 503 without details when the configuration is broken", async () => {
    const response = await callProxy(new Request("https://proxy.test/healthz"), { CALLER_KEYS: "not json" });
    expect(response.status).toBe(503);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.code).toBe("proxy_misconfigured");
    expect(JSON.stringify(body)).not.toContain("CALLER_KEYS");
  });
});
