import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callProxy } from "../../test/call-proxy.js";
import { TEST_CALLER_KEY } from "../../test/test-constants.js";

function post(body: string | Uint8Array, contentType: string): Request {
  return new Request("https://proxy.test/v1/face-liveness", {
    method: "POST",
    headers: { authorization: `Bearer ${TEST_CALLER_KEY}`, "content-type": contentType },
    body,
  });
}

// Bad input never makes the proxy fail: whatever the body, the answer is a 4xx JSON error.
describe("POST /v1/face-liveness with arbitrary bodies", () => {
  it("answers any JSON value with a 4xx error, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const response = await callProxy(post(JSON.stringify(value), "application/json"));
        const body = (await response.json()) as { code?: string; requestId?: string };
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(body.requestId).toBe(response.headers.get("x-request-id"));
      }),
      { numRuns: 60 },
    );
  });

  it("answers objects shaped almost like a request with a 4xx error", async () => {
    const almost = fc.record(
      {
        merchantBizId: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        merchantUserId: fc.oneof(fc.stringMatching(/^[0-9a-f]{60,66}$/), fc.string()),
        image: fc.oneof(
          fc.record({ base64: fc.oneof(fc.base64String(), fc.string()) }),
          // No https URLs: one that passed the checks would make the emulator try the internet.
          fc.record({ url: fc.oneof(fc.webUrl({ validSchemes: ["http", "ftp"] }), fc.string()) }),
          fc.record({ base64: fc.base64String(), url: fc.string() }),
        ),
        faceQualityCheck: fc.oneof(fc.boolean(), fc.string()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(almost, async (value) => {
        const response = await callProxy(post(JSON.stringify(value), "application/json"));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it("answers arbitrary bytes as JSON or multipart with a 4xx error", async () => {
    const contentType = fc.constantFrom(
      "application/json",
      "multipart/form-data; boundary=x",
      "multipart/form-data",
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_048 }), contentType, async (bytes, type) => {
        const response = await callProxy(post(bytes, type));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
