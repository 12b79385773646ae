import { API_ERRORS } from "@liveness-kit/core";

/**
 * What a scenario makes the emulator do with a FaceLivenessV2 call (after the gateway accepted it):
 * - `pass`: the normal answer (Passed Y, SubCode 200) when the image is acceptable;
 * - `attack`: Passed N, SubCode 205, FaceAttack Y (billed, like Alibaba's risk answer);
 * - `NoFaceDetected`, `UnqualifiedPhoto`: those product errors (401), after the image checks;
 * - `throttling`: `Throttling.Api` 403 with `x-acs-retry-after`;
 * - `500`, `503`: `InternalError`, `ServiceUnavailable`;
 * - `latency`: the normal answer after `latencyMs`;
 * - `drop`: the connection is closed without an answer;
 * - `hang`: no answer until the client gives up (or the emulator shuts down);
 * - `error`: any other code of the API's tables (`code`), e.g. `Forbidden.RAMUserAccessDenied`, answered with
 *   its status and body shape: the codes the emulator has no real trigger for stay reachable.
 */
export const SCENARIO_OUTCOMES = [
  "pass",
  "attack",
  "NoFaceDetected",
  "UnqualifiedPhoto",
  "throttling",
  "500",
  "503",
  "latency",
  "drop",
  "hang",
  "error",
] as const;

/** One of {@link SCENARIO_OUTCOMES}. */
export type ScenarioOutcome = (typeof SCENARIO_OUTCOMES)[number];

/** Other spellings accepted for an outcome (Alibaba's codes and plain words). */
const OUTCOME_ALIASES: Readonly<Record<string, ScenarioOutcome>> = {
  passed: "pass",
  risk: "attack",
  "205": "attack",
  InternalError: "500",
  ServiceUnavailable: "503",
  "Throttling.Api": "throttling",
  throttle: "throttling",
  "429": "throttling",
  delay: "latency",
  "drop-connection": "drop",
  "no-answer": "hang",
};

/** A scenario rule as stored: an outcome and its details. */
export interface ScenarioRule {
  outcome: ScenarioOutcome;
  /** Added before the outcome (any outcome), in ms. */
  latencyMs: number;
  /** Apply this many times, then the rule is removed; absent = until deleted. */
  times?: number;
  /** `x-acs-retry-after` of a `throttling` answer, in ms (default 1000). */
  retryAfterMs?: number;
  /** Put `FaceAge` in the answer (the emulator has no model to predict it). */
  faceAge?: number;
  /** Put `FaceGender` in the answer. */
  faceGender?: "M" | "F";
  /** The error code of an `error` outcome (a code of core's `API_ERRORS`). */
  code?: string;
}

/** The longest latency a rule may add: one minute, so a typo cannot park requests for hours. */
export const MAX_LATENCY_MS = 60_000;

/**
 * The outcome named by `value` (an outcome, an alias, or any error code of the API's tables, which becomes an
 * `error` outcome with that code); `code` completes an explicit `error`. Undefined when it names none.
 */
export function readOutcome(
  value: unknown,
  code?: unknown,
): { outcome: ScenarioOutcome; code?: string } | undefined {
  if (typeof value === "number") return readOutcome(String(value), code);
  if (typeof value !== "string") return undefined;
  if (value === "error") return isErrorCode(code) ? { outcome: "error", code } : undefined;
  if ((SCENARIO_OUTCOMES as readonly string[]).includes(value)) return { outcome: value as ScenarioOutcome };
  const alias = OUTCOME_ALIASES[value];
  if (alias) return { outcome: alias };
  return isErrorCode(value) ? { outcome: "error", code: value } : undefined;
}

function isErrorCode(value: unknown): value is string {
  return typeof value === "string" && Object.hasOwn(API_ERRORS, value);
}

/** The result of {@link parseScenarioRule}: a rule, or a message saying what is wrong. */
export type ParsedScenarioRule = { ok: true; rule: ScenarioRule } | { ok: false; message: string };

/**
 * Reads a rule from admin JSON (`{ outcome, latencyMs?, times?, retryAfterMs?, faceAge?, faceGender? }`, the
 * outcome also accepted as `scenario` or `fault`), checking every field.
 */
export function parseScenarioRule(input: unknown): ParsedScenarioRule {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, message: "a scenario rule must be a JSON object" };
  }
  const record = input as Record<string, unknown>;
  const named = record.outcome ?? record.scenario ?? record.fault;
  const read =
    named === undefined && record.latencyMs !== undefined
      ? { outcome: "latency" as const }
      : readOutcome(named, record.code);
  if (!read) {
    return {
      ok: false,
      message: `outcome must be one of ${SCENARIO_OUTCOMES.join(", ")}, or an error code of the API (for "error", give "code")`,
    };
  }
  const { outcome } = read;
  const latencyMs = record.latencyMs ?? 0;
  if (!isWhole(latencyMs) || latencyMs > MAX_LATENCY_MS) {
    return { ok: false, message: `latencyMs must be a whole number from 0 to ${MAX_LATENCY_MS}` };
  }
  const rule: ScenarioRule =
    read.code === undefined ? { outcome, latencyMs } : { outcome, latencyMs, code: read.code };
  if (record.times !== undefined) {
    if (!isWhole(record.times) || record.times < 1)
      return { ok: false, message: "times must be a whole number >= 1" };
    rule.times = record.times;
  }
  if (record.retryAfterMs !== undefined) {
    if (!isWhole(record.retryAfterMs) || record.retryAfterMs > MAX_LATENCY_MS) {
      return { ok: false, message: `retryAfterMs must be a whole number from 0 to ${MAX_LATENCY_MS}` };
    }
    rule.retryAfterMs = record.retryAfterMs;
  }
  if (record.faceAge !== undefined) {
    if (!isWhole(record.faceAge) || record.faceAge > 150) {
      return { ok: false, message: "faceAge must be a whole number from 0 to 150" };
    }
    rule.faceAge = record.faceAge;
  }
  if (record.faceGender !== undefined) {
    if (record.faceGender !== "M" && record.faceGender !== "F")
      return { ok: false, message: 'faceGender must be "M" or "F"' };
    rule.faceGender = record.faceGender;
  }
  return { ok: true, rule };
}

function isWhole(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}
