import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { sleep } from "./sleep.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test("resolves once the time has passed, not before", async () => {
  let done = false;
  const pending = sleep(500).then(() => {
    done = true;
  });
  await vi.advanceTimersByTimeAsync(499);
  expect(done).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  await pending;
  expect(done).toBe(true);
});

test("rejects with the signal's reason as soon as it aborts", async () => {
  const controller = new AbortController();
  const pending = sleep(10_000, controller.signal);
  const reason = new Error("stop");
  controller.abort(reason);
  await expect(pending).rejects.toBe(reason);
  expect(vi.getTimerCount()).toBe(0);
});

test("rejects at once when the signal has already aborted", async () => {
  await expect(sleep(10, AbortSignal.abort("gone"))).rejects.toBe("gone");
});
