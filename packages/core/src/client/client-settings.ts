import type { ValidationIssue } from "../errors/index.js";
import type { CommonClientOptions, FetchFunction, RetryEvent } from "./client-options.js";
import { globalFetch } from "./fetch-raw-response.js";
import type { RetryPolicy } from "./retry-policy.js";

/** The limit for one try when none is given: 10 s, where the official SDK gives up after 3 s. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Tries after the first when none is given. */
export const DEFAULT_RETRIES = 2;
/** The first back-off ceiling when none is given. */
export const DEFAULT_BASE_DELAY_MS = 200;
/** The longest wait between tries when none is given. */
export const DEFAULT_MAX_DELAY_MS = 10_000;

// setTimeout fires at once for delays beyond a signed 32-bit number of ms.
const MAX_TIMER_MS = 2_147_483_647;
// [option, default, least, most]; retries must also be a whole number.
const NUMBERS = [
  ["timeoutMs", DEFAULT_TIMEOUT_MS, 1, MAX_TIMER_MS],
  ["retries", DEFAULT_RETRIES, 0, 10],
  ["baseDelayMs", DEFAULT_BASE_DELAY_MS, 0, MAX_TIMER_MS],
  ["maxDelayMs", DEFAULT_MAX_DELAY_MS, 0, MAX_TIMER_MS],
] as const;

/** The common options of a client with their defaults applied. */
export interface ClientSettings {
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  readonly policy: RetryPolicy;
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** Applies the defaults to the options both modes share, adding a problem to `issues` for each bad one. */
export function resolveClientSettings(
  options: CommonClientOptions,
  issues: ValidationIssue[],
): ClientSettings {
  const numbers: Record<string, number> = {};
  for (const [field, fallback, least, most] of NUMBERS) {
    const value: unknown = options[field];
    const ok =
      value === undefined ||
      (typeof value === "number" &&
        value >= least &&
        value <= most &&
        (field !== "retries" || Number.isInteger(value)));
    if (!ok)
      issues.push({ field, code: "invalid_value", message: `must be a number from ${least} to ${most}` });
    numbers[field] = ok ? ((value as number | undefined) ?? fallback) : fallback;
  }
  for (const field of ["fetch", "onRetry"] as const) {
    if (options[field] !== undefined && typeof options[field] !== "function") {
      issues.push({ field, code: "invalid_type", message: "must be a function" });
    }
  }
  return {
    fetch: options.fetch ?? globalFetch,
    timeoutMs: numbers.timeoutMs!,
    policy: { retries: numbers.retries!, baseDelayMs: numbers.baseDelayMs!, maxDelayMs: numbers.maxDelayMs! },
    onRetry: options.onRetry,
  };
}
