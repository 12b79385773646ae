import { afterEach, expect, test, vi } from "vitest";
import { NetworkError } from "../errors/index.js";
import type { FetchFunction } from "./client-options.js";
import { fetchRawResponse } from "./fetch-raw-response.js";

afterEach(() => {
  vi.useRealTimers();
});

const request = {
  url: "https://api.example.com/?MerchantUserId=alice",
  init: { method: "POST" },
  timeoutMs: 1000,
  label: "api.example.com",
};

// A fetch that never answers, but rejects with the signal's reason when aborted, as real fetch does.
const hangingFetch: FetchFunction = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener("abort", () => reject(init.signal?.reason));
  });

test("returns the status, the body text and the headers", async () => {
  const fetchFn = vi.fn<FetchFunction>(
    async () => new Response("{}", { status: 201, headers: { "x-a": "1" } }),
  );
  const raw = await fetchRawResponse(fetchFn, request);
  expect(raw.status).toBe(201);
  expect(raw.body).toBe("{}");
  expect(new Headers(raw.headers as Headers).get("x-a")).toBe("1");
  expect(fetchFn.mock.calls[0]![0]).toBe(request.url);
  expect(fetchFn.mock.calls[0]![1].method).toBe("POST");
  expect(fetchFn.mock.calls[0]![1].signal).toBeInstanceOf(AbortSignal);
});

test("turns a failed fetch into a NetworkError that names the host, not the query", async () => {
  const cause = new TypeError("fetch failed");
  const error = await fetchRawResponse(() => Promise.reject(cause), request).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NetworkError);
  expect(error).toMatchObject({ code: "NetworkError", cause });
  expect((error as Error).message).toContain("api.example.com");
  expect((error as Error).message).not.toContain("alice");
});

test("gives a Timeout when no answer comes in time", async () => {
  vi.useFakeTimers();
  const pending = fetchRawResponse(hangingFetch, request).catch((e: unknown) => e);
  await vi.advanceTimersByTimeAsync(1000);
  const error = await pending;
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as NetworkError).code).toBe("Timeout");
});

test("the timeout covers reading the body too", async () => {
  vi.useFakeTimers();
  const fetchFn: FetchFunction = async (_url, init) => {
    const body = new ReadableStream({
      start(controller) {
        init.signal?.addEventListener("abort", () => controller.error(init.signal?.reason));
      },
    });
    return new Response(body, { status: 200 });
  };
  const pending = fetchRawResponse(fetchFn, request).catch((e: unknown) => e);
  await vi.advanceTimersByTimeAsync(1000);
  expect(await pending).toMatchObject({ code: "Timeout" });
});

test("rejects with the caller's reason when the caller aborts", async () => {
  const controller = new AbortController();
  const pending = fetchRawResponse(hangingFetch, { ...request, signal: controller.signal });
  const reason = new DOMException("The user cancelled.", "AbortError");
  controller.abort(reason);
  await expect(pending).rejects.toBe(reason);
});
