import { afterEach, describe, expect, test, vi } from "vitest";
import { LivenessApiError, NetworkError, ResponseFormatError } from "../errors/index.js";
import type { RetryEvent } from "./client-options.js";
import { retryOnEndpoint } from "./retry-on-endpoint.js";

afterEach(() => {
  vi.useRealTimers();
});

function apiError(httpStatus: number, retryable: boolean, retryAfterMs?: number): LivenessApiError {
  return new LivenessApiError({
    code: `E${httpStatus}`,
    httpStatus,
    message: "m",
    retryable,
    billed: false,
    hint: "",
    retryAfterMs,
  });
}

const noWait = { retries: 2, baseDelayMs: 0, maxDelayMs: 1000 };

describe("retryOnEndpoint", () => {
  test("sends every try to the one endpoint and throws the last failure once the retries are spent", async () => {
    let n = 0;
    const send = vi.fn(async (_endpoint: string) => {
      throw new NetworkError("NetworkError", `down ${++n}`);
    });
    const events: RetryEvent[] = [];
    const error = await retryOnEndpoint(
      { send, policy: noWait, onRetry: (e) => events.push(e) },
      "https://p.example.com",
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NetworkError", message: "down 3" });
    expect(send.mock.calls.map(([endpoint]) => endpoint)).toEqual(Array(3).fill("https://p.example.com"));
    expect(events.map((e) => [e.attempt, e.endpoint, e.nextEndpoint])).toEqual([
      [1, "https://p.example.com", "https://p.example.com"],
      [2, "https://p.example.com", "https://p.example.com"],
    ]);
  });

  test("returns the first success", async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(new ResponseFormatError("html", 502))
      .mockResolvedValueOnce("ok");
    await expect(retryOnEndpoint({ send, policy: noWait }, "e")).resolves.toBe("ok");
    expect(send).toHaveBeenCalledTimes(2);
  });

  test("throws at once what is not retryable: a business error, a timeout, a 5xx the server says not to retry", async () => {
    for (const failure of [
      apiError(400, false),
      new NetworkError("Timeout", "slow"),
      apiError(500, false),
      new TypeError("bug"),
    ]) {
      const send = vi.fn().mockRejectedValue(failure);
      await expect(retryOnEndpoint({ send, policy: noWait }, "e")).rejects.toBe(failure);
      expect(send).toHaveBeenCalledTimes(1);
    }
  });

  test("waits at least the server's retry-after, and stops when it asks for longer than maxDelayMs", async () => {
    vi.useFakeTimers();
    const send = vi
      .fn()
      .mockRejectedValueOnce(apiError(429, true, 700))
      .mockResolvedValueOnce("ok");
    const pending = retryOnEndpoint({ send, policy: noWait, random: () => 0 }, "e");
    await vi.advanceTimersByTimeAsync(699);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toBe("ok");

    const tooLong = apiError(429, true, 5000);
    const refused = vi.fn().mockRejectedValue(tooLong);
    await expect(retryOnEndpoint({ send: refused, policy: noWait }, "e")).rejects.toBe(tooLong);
    expect(refused).toHaveBeenCalledTimes(1);
  });

  test("the caller's abort ends it with the signal's reason, before a try or during the back-off", async () => {
    const send = vi.fn();
    await expect(
      retryOnEndpoint({ send, policy: noWait, signal: AbortSignal.abort("gone") }, "e"),
    ).rejects.toBe("gone");
    expect(send).not.toHaveBeenCalled();

    vi.useFakeTimers();
    const controller = new AbortController();
    const failing = vi.fn().mockRejectedValue(new NetworkError("NetworkError", "down"));
    const pending = retryOnEndpoint(
      {
        send: failing,
        policy: { retries: 2, baseDelayMs: 5000, maxDelayMs: 5000 },
        signal: controller.signal,
        // Half the full-jitter window (2.5 s): a random draw near 0 would retry within the 10 ms below.
        random: () => 0.5,
      },
      "e",
    );
    pending.catch(() => {});
    await vi.advanceTimersByTimeAsync(10);
    controller.abort("cancelled");
    await expect(pending).rejects.toBe("cancelled");
    expect(failing).toHaveBeenCalledTimes(1);
  });
});
