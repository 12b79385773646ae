import { expect, test, vi } from "vitest";
import { onAbort } from "./on-abort.js";

test("calls the listener once, when the signal aborts", () => {
  const controller = new AbortController();
  const listener = vi.fn();
  onAbort(controller.signal, listener);
  expect(listener).not.toHaveBeenCalled();
  controller.abort();
  controller.abort();
  expect(listener).toHaveBeenCalledTimes(1);
});

test("calls the listener at once when the signal has already aborted", () => {
  const listener = vi.fn();
  onAbort(AbortSignal.abort(), listener);
  expect(listener).toHaveBeenCalledTimes(1);
});

test("stops listening when told to", () => {
  const controller = new AbortController();
  const listener = vi.fn();
  onAbort(controller.signal, listener)();
  controller.abort();
  expect(listener).not.toHaveBeenCalled();
});

test("does nothing without a signal", () => {
  const listener = vi.fn();
  onAbort(undefined, listener)();
  expect(listener).not.toHaveBeenCalled();
});
