import { describe, expect, test, vi } from "vitest";
import { LivenessApiError, ValidationError } from "../errors/index.js";
import type { FetchFunction } from "./client-options.js";
import { createProxyLivenessClient } from "./create-proxy-liveness-client.js";

const result = {
  requestId: "p-1",
  transactionId: "t-1",
  passed: false,
  subCode: "205",
  face: {
    qualityScore: 80,
    occlusionScore: 90,
    keyAreaOcclusionScore: 95,
    illuminationScore: 70,
    sharpnessScore: 60,
    attack: true,
  },
};
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
const input = { merchantUserId: "u-hash", facePictureBase64: "YWJj", faceQualityCheck: false };

function proxy(fetchFn: FetchFunction, extra: Record<string, unknown> = {}) {
  return createProxyLivenessClient({
    baseUrl: "https://liveness.example.com",
    token: "tok",
    fetch: fetchFn,
    baseDelayMs: 0,
    ...extra,
  });
}

describe("a call through the proxy", () => {
  test("POSTs the contract's JSON body with the bearer token and returns the typed result", async () => {
    const fetchFn = vi.fn<FetchFunction>(async () => json(200, result));
    await expect(proxy(fetchFn).faceLiveness(input)).resolves.toEqual(result);
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe("https://liveness.example.com/v1/face-liveness");
    expect((init.headers as Record<string, string>).authorization).toBe("Bearer tok");
    const body = JSON.parse(init.body as string);
    expect(body).toEqual({
      merchantBizId: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      merchantUserId: "u-hash",
      image: { base64: "YWJj" },
      faceQualityCheck: false,
    });
  });

  test("retries a 503 with the same MerchantBizId and a fresh token", async () => {
    const fetchFn = vi
      .fn<FetchFunction>()
      .mockResolvedValueOnce(
        json(503, { code: "Unavailable", message: "busy", requestId: "p", retryable: true }),
      )
      .mockResolvedValueOnce(json(200, result));
    let n = 0;
    await proxy(fetchFn, { token: () => `t${++n}` }).faceLiveness(input);
    expect(fetchFn).toHaveBeenCalledTimes(2);
    const bodies = fetchFn.mock.calls.map(([, init]) => JSON.parse(init.body as string).merchantBizId);
    expect(bodies[0]).toBe(bodies[1]);
    expect(
      fetchFn.mock.calls.map(([, init]) => (init.headers as Record<string, string>).authorization),
    ).toEqual(["Bearer t1", "Bearer t2"]);
  });

  test("does not retry the proxy's business errors, and types them", async () => {
    const fetchFn = vi.fn<FetchFunction>(async () =>
      json(401, { code: "UnqualifiedPhoto", message: "blurry", requestId: "p-9", retryable: false }),
    );
    const error = await proxy(fetchFn)
      .faceLiveness(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LivenessApiError);
    expect(error).toMatchObject({
      code: "UnqualifiedPhoto",
      httpStatus: 401,
      requestId: "p-9",
      retryable: false,
    });
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  test("checks the input before uploading anything", async () => {
    const fetchFn = vi.fn<FetchFunction>();
    await expect(
      proxy(fetchFn).faceLiveness({ merchantUserId: "u", facePictureBase64: "not base64!" }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(fetchFn).not.toHaveBeenCalled();
  });
});

describe("options", () => {
  test("a same-origin path works as baseUrl", async () => {
    const fetchFn = vi.fn<FetchFunction>(async () => json(200, result));
    await proxy(fetchFn, { baseUrl: "/api" }).faceLiveness(input);
    expect(fetchFn.mock.calls[0]![0]).toBe("/api/v1/face-liveness");
  });

  test("bad options are listed together", () => {
    let error: ValidationError | undefined;
    try {
      createProxyLivenessClient({ baseUrl: "ftp://x", token: "", retries: -1 });
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error?.issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      "retries:invalid_value",
      "baseUrl:invalid_format",
      "token:required",
    ]);
  });
});
