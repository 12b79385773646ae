import { seededRandom } from "@liveness-kit/core/bytes";
import { MAX_LATENCY_MS, readOutcome, type ScenarioOutcome, type ScenarioRule } from "./scenario-rule.js";

/** One probabilistic fault: with `probability` a call gets `fault` (an outcome, e.g. "503"). */
export interface FaultSetting {
  fault: ScenarioOutcome;
  /** The code of an `error` fault. */
  code?: string;
  probability: number;
  latencyMs?: number;
  retryAfterMs?: number;
}

/** The faults in force, and the seed when the draws are deterministic. */
export interface FaultConfiguration {
  faults: FaultSetting[];
  seed?: number;
}

/** The result of {@link parseFaultConfiguration}. */
export type ParsedFaultConfiguration =
  | { ok: true; value: FaultConfiguration }
  | { ok: false; message: string };

/**
 * Reads fault settings from admin JSON: one fault (`{ fault: "503", probability: 0.3, seed?: 1 }`) or several
 * (`{ faults: [...], seed?: 1 }`); the probabilities may add up to at most 1.
 */
export function parseFaultConfiguration(input: unknown): ParsedFaultConfiguration {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, message: "faults must be a JSON object" };
  }
  const record = input as Record<string, unknown>;
  const list = record.faults !== undefined ? record.faults : [record];
  if (!Array.isArray(list)) return { ok: false, message: "faults must be an array" };
  const faults: FaultSetting[] = [];
  let sum = 0;
  for (const item of list) {
    if (typeof item !== "object" || item === null)
      return { ok: false, message: "each fault must be an object" };
    const entry = item as Record<string, unknown>;
    const read = readOutcome(entry.fault ?? entry.outcome, entry.code);
    if (!read) return { ok: false, message: `unknown fault ${JSON.stringify(entry.fault ?? entry.outcome)}` };
    const probability = entry.probability;
    if (typeof probability !== "number" || !(probability >= 0 && probability <= 1)) {
      return { ok: false, message: "probability must be a number from 0 to 1" };
    }
    sum += probability;
    const setting: FaultSetting =
      read.code === undefined
        ? { fault: read.outcome, probability }
        : { fault: read.outcome, code: read.code, probability };
    for (const field of ["latencyMs", "retryAfterMs"] as const) {
      const value = entry[field];
      if (value === undefined) continue;
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_LATENCY_MS) {
        return { ok: false, message: `${field} must be a whole number from 0 to ${MAX_LATENCY_MS}` };
      }
      setting[field] = value;
    }
    faults.push(setting);
  }
  if (sum > 1 + 1e-9) return { ok: false, message: "the probabilities add up to more than 1" };
  const seed = record.seed;
  if (seed !== undefined && (typeof seed !== "number" || !Number.isInteger(seed))) {
    return { ok: false, message: "seed must be an integer" };
  }
  return { ok: true, value: seed === undefined ? { faults } : { faults, seed } };
}

/**
 * Injects faults by probability for reliability tests (e.g. 30% of calls answer 503). One draw per call picks
 * at most one fault; with a seed the draws repeat exactly, so tests are deterministic.
 */
export class FaultInjector {
  #configuration: FaultConfiguration = { faults: [] };
  #random: () => number = Math.random;

  /** Replaces the faults in force (and restarts the seeded sequence). */
  configure(configuration: FaultConfiguration): void {
    this.#configuration = { ...configuration, faults: configuration.faults.map((fault) => ({ ...fault })) };
    this.#random = configuration.seed === undefined ? Math.random : seededRandom(configuration.seed);
  }

  /** The faults in force. */
  get configuration(): FaultConfiguration {
    return { ...this.#configuration, faults: this.#configuration.faults.map((fault) => ({ ...fault })) };
  }

  /** Removes every fault. */
  clear(): void {
    this.configure({ faults: [] });
  }

  /** Draws for one call: the rule of the fault it gets, or undefined. */
  roll(): ScenarioRule | undefined {
    const { faults } = this.#configuration;
    if (faults.length === 0) return undefined;
    const draw = this.#random();
    let edge = 0;
    for (const setting of faults) {
      edge += setting.probability;
      if (draw < edge) {
        const rule: ScenarioRule = { outcome: setting.fault, latencyMs: setting.latencyMs ?? 0 };
        if (setting.retryAfterMs !== undefined) rule.retryAfterMs = setting.retryAfterMs;
        if (setting.code !== undefined) rule.code = setting.code;
        return rule;
      }
    }
    return undefined;
  }
}
