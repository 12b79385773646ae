import type { Variable } from "./variable.js";

interface NumberSpec {
  default: number;
  min: number;
  max: number;
  meaning: string;
}

/** A variable holding a whole number from `min` to `max`. */
export function wholeNumber(spec: NumberSpec): Variable<number> {
  return numberVariable(spec, true);
}

/** A variable holding any number from `min` to `max` (a rate, say). */
export function decimalNumber(spec: NumberSpec): Variable<number> {
  return numberVariable(spec, false);
}

function numberVariable(
  { default: fallback, min, max, meaning }: NumberSpec,
  integer: boolean,
): Variable<number> {
  return {
    meaning,
    values: `${integer ? "whole number" : "number"}, ${min} to ${max}`,
    default: String(fallback),
    parse(text, problem) {
      const value = Number(text);
      if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
        problem(`expected a number from ${min} to ${max}`);
        return fallback;
      }
      return value;
    },
  };
}
