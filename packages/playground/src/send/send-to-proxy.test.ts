import { describe, expect, test } from "vitest";
import type { ProxyRequestBody } from "../request/request-draft.js";
import { retryAfterMs, SendFailedError, sendToProxy } from "./send-to-proxy.js";

const body: ProxyRequestBody = {
  merchantBizId: "abc123",
  merchantUserId: "0".repeat(64),
  image: { base64: "QUJD" },
  faceQualityCheck: true,
};

type Reply = Response | Error | "hang";

/** A fetch that answers from a script and records what it was sent. */
function scriptedFetch(replies: Reply[]) {
  const seen: { url: string; method: string; headers: Headers; body: string }[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    seen.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.text(),
    });
    const reply = replies[Math.min(seen.length - 1, replies.length - 1)]!;
    if (reply === "hang") {
      return new Promise((_, reject) => {
        request.signal.addEventListener("abort", () => reject(request.signal.reason));
      });
    }
    if (reply instanceof Error) throw reply;
    return reply.clone();
  };
  return { fetch: fetchFn as typeof fetch, seen };
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

const base = {
  proxyUrl: "http://127.0.0.1:8787/",
  callerKey: "dev-caller-key",
  body,
  timeoutMs: 5_000,
  retries: 2,
};

describe("sendToProxy", () => {
  test("posts the JSON body with the bearer key and returns the parsed answer", async () => {
    const answer = { requestId: "r1", passed: true };
    const { fetch, seen } = scriptedFetch([json(200, answer, { "server-timing": "upstream;dur=5" })]);
    const result = await sendToProxy({ ...base, fetch });
    expect(result).toMatchObject({
      status: 200,
      body: answer,
      attempts: 1,
      bodyText: JSON.stringify(answer),
    });
    expect(result.headers).toContainEqual(["server-timing", "upstream;dur=5"]);
    expect(seen[0]?.url).toBe("http://127.0.0.1:8787/v1/face-liveness");
    expect(seen[0]?.method).toBe("POST");
    expect(seen[0]?.headers.get("authorization")).toBe("Bearer dev-caller-key");
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual(body);
    expect(result.requestBytes).toBe(JSON.stringify(body).length);
  });

  test("retries a 503 that says Retry-After: 0, then returns the success", async () => {
    const retries: string[] = [];
    const { fetch, seen } = scriptedFetch([
      json(
        503,
        { code: "Unavailable", message: "x", requestId: "a", retryable: true },
        { "retry-after": "0" },
      ),
      json(200, { ok: 1 }),
    ]);
    const result = await sendToProxy({
      ...base,
      fetch,
      onRetry: (r) => retries.push(`${r.attempt}: ${r.reason}`),
    });
    expect(result.status).toBe(200);
    expect(result.attempts).toBe(2);
    expect(seen).toHaveLength(2);
    expect(retries).toEqual(["2: HTTP 503 (Retry-After: 0)"]);
  });

  test("does not retry a 400 and returns its error body", async () => {
    const error = { code: "InvalidImage", message: "too small", requestId: "r2", retryable: false };
    const { fetch, seen } = scriptedFetch([json(400, error), json(200, {})]);
    const result = await sendToProxy({ ...base, fetch });
    expect(result).toMatchObject({ status: 400, body: error, attempts: 1, bodyText: JSON.stringify(error) });
    expect(seen).toHaveLength(1);
  });

  test("does not wait for a long Retry-After: the 429 is returned", async () => {
    const { fetch, seen } = scriptedFetch([
      json(429, { code: "RateLimited", message: "slow down" }, { "retry-after": "120" }),
    ]);
    const result = await sendToProxy({ ...base, fetch });
    expect(result.status).toBe(429);
    expect(seen).toHaveLength(1);
  });

  test("without a MerchantBizId nothing is retried (the proxy could not deduplicate)", async () => {
    const { merchantBizId: _omit, ...anonymous } = body;
    const { fetch, seen } = scriptedFetch([
      json(503, { code: "x", message: "y" }, { "retry-after": "0" }),
      json(200, {}),
    ]);
    const result = await sendToProxy({ ...base, body: anonymous, fetch });
    expect(result.status).toBe(503);
    expect(seen).toHaveLength(1);
  });

  test("a refused connection is retried, then reported as a network failure", async () => {
    const { fetch, seen } = scriptedFetch([new TypeError("Failed to fetch")]);
    const failure = await sendToProxy({ ...base, retries: 1, fetch }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SendFailedError);
    expect(failure).toMatchObject({ kind: "network", attempts: 2 });
    expect(seen).toHaveLength(2);
  });

  test("no answer within the timeout is reported as a timeout", async () => {
    const { fetch } = scriptedFetch(["hang"]);
    const failure = await sendToProxy({ ...base, retries: 0, timeoutMs: 30, fetch }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: "SendFailedError", kind: "timeout", attempts: 1 });
  });

  test("a non-JSON error page is kept as text", async () => {
    const { fetch } = scriptedFetch([
      new Response("<h1>Bad gateway</h1>", { status: 502, headers: { "content-type": "text/html" } }),
    ]);
    const result = await sendToProxy({ ...base, retries: 0, fetch });
    expect(result).toMatchObject({ status: 502, bodyText: "<h1>Bad gateway</h1>", body: undefined });
  });
});

describe("retryAfterMs", () => {
  test("reads seconds and HTTP dates", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("soon")).toBeUndefined();
  });
});
