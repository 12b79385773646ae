import { afterEach, describe, expect, test, vi } from "vitest";
import { LivenessApiError, NetworkError } from "../errors/index.js";
import type { RetryEvent } from "./client-options.js";
import { sendWithRetries } from "./send-with-retries.js";

afterEach(() => {
  vi.useRealTimers();
});

function apiError(
  code: string,
  httpStatus: number,
  retryable: boolean,
  retryAfterMs?: number,
): LivenessApiError {
  return new LivenessApiError({
    code,
    httpStatus,
    message: code,
    retryable,
    billed: false,
    hint: "",
    retryAfterMs,
  });
}

const noWait = { retries: 2, baseDelayMs: 0, maxDelayMs: 1000 };

describe("retries", () => {
  test("tries 1 + retries times on a retryable error, then throws the last error", async () => {
    const send = vi.fn(async () => {
      throw new NetworkError("NetworkError", "down");
    });
    await expect(sendWithRetries({ endpoints: ["a"], send, policy: noWait })).rejects.toMatchObject({
      code: "NetworkError",
    });
    expect(send).toHaveBeenCalledTimes(3);
  });

  test("returns as soon as a try succeeds", async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(apiError("ServiceUnavailable", 503, true))
      .mockResolvedValueOnce("ok");
    await expect(sendWithRetries({ endpoints: ["a"], send, policy: noWait })).resolves.toBe("ok");
    expect(send).toHaveBeenCalledTimes(2);
  });

  test("does not retry a business error", async () => {
    const send = vi.fn().mockRejectedValue(apiError("InvalidParameter", 400, false));
    await expect(sendWithRetries({ endpoints: ["a", "b"], send, policy: noWait })).rejects.toMatchObject({
      code: "InvalidParameter",
    });
    expect(send).toHaveBeenCalledTimes(1);
  });

  test("does not retry an unexpected exception", async () => {
    const send = vi.fn().mockRejectedValue(new TypeError("bug"));
    await expect(sendWithRetries({ endpoints: ["a"], send, policy: noWait })).rejects.toBeInstanceOf(
      TypeError,
    );
    expect(send).toHaveBeenCalledTimes(1);
  });

  test("does not retry or fail over on a timeout: the try was sent and may be billed", async () => {
    const send = vi.fn().mockRejectedValue(new NetworkError("Timeout", "slow"));
    await expect(sendWithRetries({ endpoints: ["a", "b"], send, policy: noWait })).rejects.toMatchObject({
      code: "Timeout",
    });
    expect(send).toHaveBeenCalledTimes(1);
  });

  test("retries: 0 means one try", async () => {
    const send = vi.fn().mockRejectedValue(new NetworkError("NetworkError", "down"));
    await expect(
      sendWithRetries({ endpoints: ["a"], send, policy: { ...noWait, retries: 0 } }),
    ).rejects.toMatchObject({
      name: "NetworkError",
      code: "NetworkError",
      message: expect.stringContaining("down"),
    });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe("back-off", () => {
  test("waits a full jitter that doubles, and reports each wait", async () => {
    vi.useFakeTimers();
    const send = vi.fn().mockRejectedValue(new NetworkError("NetworkError", "down"));
    const events: RetryEvent[] = [];
    const policy = { retries: 2, baseDelayMs: 100, maxDelayMs: 10_000 };
    const pending = sendWithRetries({
      endpoints: ["a"],
      send,
      policy,
      random: () => 0.5,
      onRetry: (e) => events.push(e),
    });
    pending.catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(49);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // 0.5 * 100
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(99);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1); // 0.5 * 200
    expect(send).toHaveBeenCalledTimes(3);
    await expect(pending).rejects.toBeInstanceOf(NetworkError);
    expect(events.map((e) => [e.attempt, e.delayMs])).toEqual([
      [1, 50],
      [2, 100],
    ]);
  });

  test("honours x-acs-retry-after: no second try before the server's time", async () => {
    vi.useFakeTimers();
    const send = vi
      .fn()
      .mockRejectedValueOnce(apiError("Throttling.Api", 403, true, 1500))
      .mockResolvedValueOnce("ok");
    const pending = sendWithRetries({
      endpoints: ["a"],
      send,
      policy: { ...noWait, maxDelayMs: 5000 },
      random: () => 0,
    });
    await vi.advanceTimersByTimeAsync(1499);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toBe("ok");
    expect(send).toHaveBeenCalledTimes(2);
  });

  test("stops when the server asks for longer than maxDelayMs", async () => {
    const send = vi.fn().mockRejectedValue(apiError("Throttling.User", 400, true, 60_000));
    await expect(sendWithRetries({ endpoints: ["a", "b"], send, policy: noWait })).rejects.toMatchObject({
      retryAfterMs: 60_000,
    });
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe("fail-over", () => {
  test("moves through the endpoints in order on network errors and 5xx", async () => {
    const send = vi.fn(async (endpoint: string) => {
      if (endpoint === "c") return "from c";
      throw endpoint === "a"
        ? new NetworkError("NetworkError", "down")
        : apiError("InternalError", 500, true);
    });
    const events: RetryEvent[] = [];
    const result = await sendWithRetries({
      endpoints: ["a", "b", "c"],
      send,
      policy: { ...noWait, retries: 1 },
      onRetry: (e) => events.push(e),
    });
    expect(result).toBe("from c");
    expect(send.mock.calls.map(([endpoint]) => endpoint)).toEqual(["a", "a", "b", "b", "c"]);
    expect(events.map((e) => `${e.endpoint}->${e.nextEndpoint}`)).toEqual(["a->a", "a->b", "b->b", "b->c"]);
  });

  test("does not fail over on throttling", async () => {
    const send = vi.fn().mockRejectedValue(apiError("Throttling.Api", 403, true));
    await expect(sendWithRetries({ endpoints: ["a", "b"], send, policy: noWait })).rejects.toMatchObject({
      code: "Throttling.Api",
    });
    expect(send.mock.calls.map(([endpoint]) => endpoint)).toEqual(["a", "a", "a"]);
  });

  test("does not fail over on a 5xx the server says not to retry", async () => {
    const send = vi.fn().mockRejectedValue(apiError("InternalError", 500, false));
    await expect(sendWithRetries({ endpoints: ["a", "b"], send, policy: noWait })).rejects.toMatchObject({
      code: "InternalError",
    });
    expect(send.mock.calls.map(([endpoint]) => endpoint)).toEqual(["a"]);
  });

  test("the fail-over event counts the tries spent on the region left", async () => {
    const send = vi.fn(async (endpoint: string) => {
      if (endpoint === "b") return "from b";
      throw new NetworkError("NetworkError", "down");
    });
    const events: RetryEvent[] = [];
    await sendWithRetries({ endpoints: ["a", "b"], send, policy: noWait, onRetry: (e) => events.push(e) });
    expect(events.map((e) => [e.attempt, e.delayMs, e.nextEndpoint])).toEqual([
      [1, 0, "a"],
      [2, 0, "a"],
      [3, 0, "b"],
    ]);
  });

  test("throws the last region's error when every region fails", async () => {
    const send = vi.fn(async (endpoint: string) => {
      throw new NetworkError("NetworkError", endpoint);
    });
    await expect(
      sendWithRetries({ endpoints: ["a", "b"], send, policy: { ...noWait, retries: 0 } }),
    ).rejects.toMatchObject({
      message: "b",
    });
  });
});

describe("abort", () => {
  test("an abort during the back-off ends the call at once with the caller's reason", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const send = vi.fn().mockRejectedValue(new NetworkError("NetworkError", "down"));
    const pending = sendWithRetries({
      endpoints: ["a"],
      send,
      policy: { retries: 2, baseDelayMs: 5000, maxDelayMs: 5000 },
      signal: controller.signal,
      random: () => 0.9,
    });
    pending.catch(() => {});
    await vi.advanceTimersByTimeAsync(10);
    controller.abort("cancelled");
    await expect(pending).rejects.toBe("cancelled");
    expect(send).toHaveBeenCalledTimes(1);
  });

  test("a failure caused by the caller's abort is not retried", async () => {
    const controller = new AbortController();
    const send = vi.fn(async () => {
      controller.abort("cancelled");
      throw new NetworkError("NetworkError", "aborted");
    });
    await expect(
      sendWithRetries({ endpoints: ["a"], send, policy: noWait, signal: controller.signal }),
    ).rejects.toBe("cancelled");
    expect(send).toHaveBeenCalledTimes(1);
  });

  test("an already aborted signal sends nothing", async () => {
    const send = vi.fn();
    await expect(
      sendWithRetries({ endpoints: ["a"], send, policy: noWait, signal: AbortSignal.abort("no") }),
    ).rejects.toBe("no");
    expect(send).not.toHaveBeenCalled();
  });
});
