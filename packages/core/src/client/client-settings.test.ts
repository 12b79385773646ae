import { expect, test } from "vitest";
import type { ValidationIssue } from "../errors/index.js";
import type { CommonClientOptions } from "./client-options.js";
import { resolveClientSettings } from "./client-settings.js";

function resolve(options: CommonClientOptions) {
  const issues: ValidationIssue[] = [];
  const settings = resolveClientSettings(options, issues);
  return { settings, issues: issues.map((i) => `${i.field}:${i.code}`) };
}

test("defaults: 10 s per try, 2 retries, 200 ms base, 10 s longest wait, the global fetch", () => {
  const { settings, issues } = resolve({});
  expect(issues).toEqual([]);
  expect(settings.timeoutMs).toBe(10_000);
  expect(settings.policy).toEqual({ retries: 2, baseDelayMs: 200, maxDelayMs: 10_000 });
  expect(typeof settings.fetch).toBe("function");
});

test("takes valid values as given", () => {
  const fetchFn = async () => new Response("");
  const onRetry = () => {};
  const { settings } = resolve({
    fetch: fetchFn,
    timeoutMs: 3000,
    retries: 0,
    baseDelayMs: 0,
    maxDelayMs: 50,
    onRetry,
  });
  expect(settings).toEqual({
    fetch: fetchFn,
    timeoutMs: 3000,
    policy: { retries: 0, baseDelayMs: 0, maxDelayMs: 50 },
    onRetry,
  });
});

test("lists every bad option", () => {
  expect(
    resolve({
      fetch: "fetch" as never,
      onRetry: 1 as never,
      timeoutMs: 0,
      retries: 1.5,
      baseDelayMs: -1,
      maxDelayMs: Number.NaN,
    }).issues,
  ).toEqual([
    "timeoutMs:invalid_value",
    "retries:invalid_value",
    "baseDelayMs:invalid_value",
    "maxDelayMs:invalid_value",
    "fetch:invalid_type",
    "onRetry:invalid_type",
  ]);
  expect(resolve({ timeoutMs: "10" as never, retries: 11 }).issues).toEqual([
    "timeoutMs:invalid_value",
    "retries:invalid_value",
  ]);
  expect(resolve({ timeoutMs: 2 ** 31 }).issues).toEqual(["timeoutMs:invalid_value"]);
});
