import { afterEach, describe, expect, test, vi } from "vitest";
import { LivenessApiError, NetworkError, ValidationError } from "../errors/index.js";
import { verifyRequest } from "../sign/index.js";
import type { FetchFunction, RetryEvent } from "./client-options.js";
import { createDirectLivenessClient } from "./create-direct-liveness-client.js";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const credentials = { accessKeyId: "LTAItest", accessKeySecret: "test-secret" };
const input = { merchantUserId: "u-hash", facePictureBase64: "YWJj" };
const success = JSON.stringify({
  RequestId: "r-ok",
  Code: "Success",
  Result: {
    TransactionId: "t",
    Passed: "Y",
    SubCode: "200",
    ExtFaceInfo: {
      FaceQualityScore: 9,
      OcclusionScore: 9,
      KaOcclusionScore: 9,
      IlluminationScore: 9,
      SharpnessScore: 9,
      FaceAttack: "N",
    },
  },
});
const json = (status: number, body: unknown, headers?: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers });
const unavailable = () => json(503, { RequestId: "r", Code: "ServiceUnavailable", Message: "busy" });

// A fake Alibaba: answers from the list in order (the last one repeats) and records what it received.
function fakeAlibaba(...answers: Array<() => Response | Promise<Response>>) {
  const calls: Array<{ url: string; headers: Record<string, string>; body: Uint8Array | undefined }> = [];
  const fetchFn = vi.fn<FetchFunction>(async (url, init) => {
    calls.push({
      url,
      headers: init.headers as Record<string, string>,
      body: init.body as Uint8Array | undefined,
    });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    return answer();
  });
  return { fetchFn, calls };
}

function client(fetchFn: FetchFunction, extra: Record<string, unknown> = {}) {
  return createDirectLivenessClient({ credentials, fetch: fetchFn, baseDelayMs: 0, ...extra });
}

describe("retries", () => {
  test("retries a 5xx twice by default, with a fresh nonce and date each try and the same MerchantBizId", async () => {
    const { fetchFn, calls } = fakeAlibaba(unavailable, unavailable, () => new Response(success));
    const result = await client(fetchFn).faceLiveness(input);
    expect(result.requestId).toBe("r-ok");
    expect(calls).toHaveLength(3);
    const nonces = new Set(calls.map((c) => c.headers["x-acs-signature-nonce"]));
    expect(nonces.size).toBe(3);
    const bizIds = new Set(calls.map((c) => new URL(c.url).searchParams.get("MerchantBizId")));
    expect(bizIds.size).toBe(1);
    expect([...bizIds][0]).toMatch(/^[A-Za-z0-9]{32}$/);
    for (const call of calls) {
      const verdict = await verifyRequest(
        {
          method: "POST",
          url: call.url,
          headers: { ...call.headers, host: new URL(call.url).host },
          body: call.body,
        },
        () => "test-secret",
      );
      expect(verdict.ok).toBe(true);
    }
  });

  test("signs each try with the current date", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2026, 0, 1, 10, 0, 0));
    const dates: string[] = [];
    const { fetchFn } = fakeAlibaba();
    fetchFn.mockImplementation(async (_url, init) => {
      dates.push((init.headers as Record<string, string>)["x-acs-date"]!);
      // The clock moves on while the first try fails.
      vi.setSystemTime(Date.UTC(2026, 0, 1, 10, 0, 7));
      return dates.length === 1 ? unavailable() : new Response(success);
    });
    await client(fetchFn).faceLiveness(input);
    expect(dates).toEqual(["2026-01-01T10:00:00Z", "2026-01-01T10:00:07Z"]);
  });

  test("keeps a MerchantBizId given by the caller", async () => {
    const { fetchFn, calls } = fakeAlibaba(() => new Response(success));
    await client(fetchFn).faceLiveness({ ...input, merchantBizId: "mine42" });
    expect(new URL(calls[0]!.url).searchParams.get("MerchantBizId")).toBe("mine42");
  });

  test("does not retry InvalidParameter (a business error)", async () => {
    const { fetchFn } = fakeAlibaba(() =>
      json(400, { RequestId: "r", Code: "InvalidParameter", Message: "bad" }),
    );
    await expect(client(fetchFn).faceLiveness(input)).rejects.toMatchObject({
      code: "InvalidParameter",
      retryable: false,
    });
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  test("retries throttling after the server's x-acs-retry-after", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { fetchFn } = fakeAlibaba(
      () =>
        json(403, { RequestId: "r", Code: "Throttling.Api", Message: "slow" }, { "x-acs-retry-after": "30" }),
      () => new Response(success),
    );
    const events: RetryEvent[] = [];
    await client(fetchFn, { onRetry: (e: RetryEvent) => events.push(e) }).faceLiveness(input);
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ attempt: 1, delayMs: 30 });
    expect(events[0]!.error).toBeInstanceOf(LivenessApiError);
  });

  test("a network error is retried, then surfaces as a NetworkError", async () => {
    const { fetchFn } = fakeAlibaba(() => Promise.reject(new TypeError("fetch failed")));
    await expect(client(fetchFn, { retries: 1 }).faceLiveness(input)).rejects.toBeInstanceOf(NetworkError);
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });
});

describe("timeout and abort", () => {
  const hanging: FetchFunction = (_url, init) =>
    new Promise((_resolve, reject) =>
      init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
    );

  test("a try with no answer in timeoutMs fails with a Timeout, and is not retried (it may be billed)", async () => {
    const fetchFn = vi.fn(hanging);
    const error = await client(fetchFn, { timeoutMs: 20, retries: 1 })
      .faceLiveness(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe("Timeout");
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  test("the caller's abort ends the call with its reason, without retries", async () => {
    const fetchFn = vi.fn(hanging);
    const controller = new AbortController();
    const pending = client(fetchFn).faceLiveness(input, { signal: controller.signal });
    await vi.waitFor(() => expect(fetchFn).toHaveBeenCalledTimes(1));
    controller.abort(new DOMException("cancelled", "AbortError"));
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });
});

describe("fail-over", () => {
  test("after the retries on a region, moves to the next region in the given order", async () => {
    const { fetchFn, calls } = fakeAlibaba(
      unavailable,
      unavailable,
      unavailable,
      () => new Response(success),
    );
    const result = await client(fetchFn, {
      retries: 0,
      region: "ap-southeast-1",
      failover: ["cn-hongkong", "ap-southeast-5", "ap-southeast-3"],
    }).faceLiveness(input);
    expect(result.passed).toBe(true);
    expect(calls.map((c) => new URL(c.url).host)).toEqual([
      "cloudauth-intl.ap-southeast-1.aliyuncs.com",
      "cloudauth-intl.cn-hongkong.aliyuncs.com",
      "cloudauth-intl.ap-southeast-5.aliyuncs.com",
      "cloudauth-intl.ap-southeast-3.aliyuncs.com",
    ]);
    expect(new Set(calls.map((c) => new URL(c.url).searchParams.get("MerchantBizId"))).size).toBe(1);
  });

  test("does not fail over on a business error", async () => {
    const { fetchFn } = fakeAlibaba(() =>
      json(401, { RequestId: "r", Code: "NoFaceDetected", Message: "none" }),
    );
    await expect(client(fetchFn, { failover: ["cn-hongkong"] }).faceLiveness(input)).rejects.toMatchObject({
      code: "NoFaceDetected",
    });
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  test("talks to the local emulator over http when given its origin", async () => {
    const { fetchFn, calls } = fakeAlibaba(() => new Response(success));
    await client(fetchFn, { endpoint: "http://127.0.0.1:8790" }).faceLiveness(input);
    expect(calls[0]!.url.startsWith("http://127.0.0.1:8790/?")).toBe(true);
  });
});

describe("validation", () => {
  test("a bad input is refused before anything is sent", async () => {
    const { fetchFn } = fakeAlibaba(() => new Response(success));
    const error = await client(fetchFn)
      .faceLiveness({ merchantUserId: "", facePictureUrl: "http://x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.code)).toEqual(["required", "not_https"]);
    expect(fetchFn).not.toHaveBeenCalled();
  });

  test("bad options are listed together when the client is made", () => {
    let error: ValidationError | undefined;
    try {
      createDirectLivenessClient({
        credentials: { accessKeyId: "", accessKeySecret: "" },
        region: "mars" as never,
        timeoutMs: -1,
      });
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error?.issues.map((i) => i.field)).toEqual([
      "timeoutMs",
      "region",
      "credentials.accessKeyId",
      "credentials.accessKeySecret",
    ]);
    expect(error?.message).not.toContain("secret:");
  });
});
