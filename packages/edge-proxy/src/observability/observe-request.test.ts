import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { mintCallerToken } from "@liveness-kit/core/token";
import { describe, expect, it } from "vitest";
import { callProxy, freshMerchantBizId, hashedUserId, jsonRequest } from "../../test/call-proxy.js";
import { capturedLogs } from "../../test/captured-logs.js";
import { portraitBase64 } from "../../test/portraits.js";
import {
  ALLOWED_ORIGIN,
  EMULATOR_ACCESS_KEY_ID,
  EMULATOR_ACCESS_KEY_SECRET,
  OTHER_CALLER_KEY,
  TEST_CALLER_KEY,
  TEST_TOKEN_AUDIENCE,
  TEST_TOKEN_SECRET,
} from "../../test/test-constants.js";
import worker from "../index.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("x-request-id and the one log line", () => {
  it("puts x-request-id on every answer and writes exactly one log line per request", async () => {
    const userId = await hashedUserId();
    const requests: [string, Request, Record<string, string>?][] = [
      ["health", new Request("https://proxy.test/healthz")],
      ["openapi", new Request("https://proxy.test/v1/openapi.json")],
      ["not found", new Request("https://proxy.test/nope")],
      [
        "preflight",
        new Request("https://proxy.test/v1/face-liveness", {
          method: "OPTIONS",
          headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "POST" },
        }),
      ],
      [
        "bad origin",
        new Request("https://proxy.test/healthz", { headers: { origin: "https://evil.example" } }),
      ],
      ["no auth", new Request("https://proxy.test/v1/face-liveness", { method: "POST", body: "{}" })],
      ["bad json", jsonRequest("{nope")],
      ["wrong type", jsonRequest("x", { "content-type": "text/plain" })],
      ["bad image", jsonRequest({ merchantUserId: userId, image: { base64: portraitBase64("landscape") } })],
      [
        "success",
        jsonRequest({
          merchantBizId: freshMerchantBizId(),
          merchantUserId: userId,
          image: { base64: portraitBase64("portrait") },
        }),
      ],
      ["misconfigured", new Request("https://proxy.test/healthz"), { ALIBABA_CLOUD_ACCESS_KEY_SECRET: "" }],
    ];
    for (const [name, request, overrides] of requests) {
      const { result: response, lines } = await capturedLogs(() => callProxy(request, overrides));
      const requestId = response.headers.get("x-request-id");
      expect(requestId, name).toMatch(UUID);
      const own = lines.filter((line) => line.message === "request");
      expect(own, name).toHaveLength(1);
      expect(own[0]?.requestId, name).toBe(requestId);
      expect(own[0]?.status, name).toBe(response.status);
      // Every JSON answer but the OpenAPI document repeats the id in its body.
      if (name !== "openapi" && response.headers.get("content-type")?.includes("json")) {
        expect(((await response.json()) as { requestId?: string }).requestId, name).toBe(requestId);
      }
    }
  });

  it("logs what a request did: caller, mode, region, outcome, durations", async () => {
    const merchantBizId = freshMerchantBizId();
    const { lines } = await capturedLogs(async () =>
      callProxy(
        jsonRequest({
          merchantBizId,
          merchantUserId: await hashedUserId(),
          image: { base64: portraitBase64("portrait") },
        }),
      ),
    );
    expect(lines[0]).toMatchObject({
      level: "info",
      caller: "key:test",
      merchantBizId,
      pictureMode: "base64",
      region: "ap-southeast-1",
      attempts: 1,
      idempotency: "ran",
      passed: true,
      subCode: "200",
      status: 200,
    });
    expect(Object.keys(lines[0]?.timings as object)).toEqual(
      expect.arrayContaining(["validate", "sign", "upstream"]),
    );
  });

  it("turns an unexpected exception into a clean 500 without internals", async () => {
    const broken = {
      ...env,
      IDEMPOTENCY: {
        idFromName() {
          throw new TypeError("internal detail: storage shard 7 at /srv/secret-path");
        },
      },
    } as unknown as typeof env;
    const request = jsonRequest({
      merchantBizId: freshMerchantBizId(),
      merchantUserId: await hashedUserId(),
      image: { base64: portraitBase64("portrait") },
    });
    const { result: response, lines } = await capturedLogs(async () =>
      worker.fetch(
        request as Request<unknown, IncomingRequestCfProperties>,
        broken,
        createExecutionContext(),
      ),
    );
    expect(response.status).toBe(500);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: "internal_error", retryable: true });
    expect(JSON.stringify(body)).not.toMatch(/shard|secret-path|TypeError/);
    expect(lines[0]).toMatchObject({ status: 500, errorName: "TypeError" });
    expect(JSON.stringify(lines)).not.toMatch(/shard|secret-path/);
  });
});

describe("no secret in any answer or log line", () => {
  it("keeps AccessKeys, caller keys, tokens, images and user ids out of every response and log line", async () => {
    const rawUserId = "alice@example.com";
    const userId = await hashedUserId(rawUserId);
    const token = await mintCallerToken({
      secret: TEST_TOKEN_SECRET,
      audience: TEST_TOKEN_AUDIENCE,
      subject: rawUserId,
    });
    const image = portraitBase64("portrait");
    const large = portraitBase64("largePortrait");
    const form = new FormData();
    form.set("merchantUserId", userId);
    form.set("image", new File([Uint8Array.from(atob(large), (c) => c.charCodeAt(0))], "face.jpg"));
    const requests: [Request, Record<string, string>?][] = [
      [
        jsonRequest({
          merchantBizId: freshMerchantBizId(),
          merchantUserId: userId,
          image: { base64: image },
        }),
      ],
      [
        jsonRequest(
          { merchantUserId: userId, image: { base64: image } },
          { authorization: `Bearer ${token}` },
        ),
      ],
      [
        jsonRequest(
          { merchantUserId: userId, image: { base64: image } },
          { authorization: `Bearer ${token}` },
        ),
      ],
      [
        jsonRequest(
          { merchantUserId: userId, image: { base64: image } },
          { authorization: `Bearer ${OTHER_CALLER_KEY}` },
        ),
        { ALIBABA_CLOUD_ACCESS_KEY_SECRET: "wrong-secret-value-xyz" },
      ],
      [jsonRequest({ merchantUserId: rawUserId, image: { base64: image } })],
      [
        jsonRequest({
          merchantUserId: userId,
          image: { url: `https://${rawUserId.replace("@", ".")}:8443/face.jpg?token=${TEST_CALLER_KEY}` },
        }),
      ],
      [jsonRequest({ merchantUserId: userId, image: { base64: `${image.slice(0, 200)}!` } })],
      [
        jsonRequest(
          { merchantUserId: userId, image: { base64: image } },
          { authorization: `Bearer ${TEST_CALLER_KEY}x` },
        ),
      ],
      [
        new Request("https://proxy.test/v1/face-liveness", {
          method: "POST",
          headers: { authorization: `Bearer ${TEST_CALLER_KEY}` },
          body: form,
        }),
      ],
    ];
    const texts: string[] = [];
    for (const [request, overrides] of requests) {
      const { result: response, raw } = await capturedLogs(() => callProxy(request, overrides));
      texts.push(`${response.status}\n${[...response.headers].join("\n")}\n${await response.text()}`, ...raw);
    }
    const everything = texts.join("\n");
    for (const secret of [
      EMULATOR_ACCESS_KEY_SECRET,
      EMULATOR_ACCESS_KEY_ID,
      "wrong-secret-value-xyz",
      TEST_CALLER_KEY,
      OTHER_CALLER_KEY,
      TEST_TOKEN_SECRET,
      token,
      token.split(".")[2] ?? "",
      rawUserId,
      userId,
      image.slice(5_000, 5_060),
      large.slice(5_000, 5_060),
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
