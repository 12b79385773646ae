import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { NetworkError } from "../errors/index.js";
import { startTimeout } from "./timeout-signal.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test("aborts with a Timeout NetworkError when the time runs out", () => {
  const timeout = startTimeout(1000);
  vi.advanceTimersByTime(999);
  expect(timeout.signal.aborted).toBe(false);
  vi.advanceTimersByTime(1);
  expect(timeout.signal.aborted).toBe(true);
  expect(timeout.timedOut).toBe(true);
  expect(timeout.signal.reason).toBeInstanceOf(NetworkError);
  expect((timeout.signal.reason as NetworkError).code).toBe("Timeout");
});

test("follows the caller's signal, with its reason, and is not a timeout then", () => {
  const caller = new AbortController();
  const timeout = startTimeout(1000, caller.signal);
  caller.abort("user left");
  expect(timeout.signal.aborted).toBe(true);
  expect(timeout.signal.reason).toBe("user left");
  expect(timeout.timedOut).toBe(false);
});

test("starts aborted when the caller's signal already is", () => {
  expect(startTimeout(1000, AbortSignal.abort("early")).signal.reason).toBe("early");
});

test("clear stops the timer and lets go of the caller's signal", () => {
  const caller = new AbortController();
  const timeout = startTimeout(1000, caller.signal);
  timeout.clear();
  vi.advanceTimersByTime(5000);
  caller.abort();
  expect(timeout.signal.aborted).toBe(false);
  expect(vi.getTimerCount()).toBe(0);
});
