import type { Problem, Variable } from "./variable.js";

type TextSpec = Omit<Variable<string>, "parse" | "values" | "default"> & {
  values?: string;
  minLength?: number;
  maxLength?: number;
};

/** A variable holding text, unset unless it has a default; `minLength` and `maxLength` bound it. */
export function text(spec: TextSpec & { default: string }): Variable<string>;
export function text(spec: TextSpec): Variable<string | undefined>;
export function text({ minLength, maxLength, values, ...spec }: TextSpec & { default?: string }) {
  return {
    ...spec,
    values: values ?? lengthInWords(minLength, maxLength),
    parse(value: string | undefined, problem: Problem) {
      if (value === undefined) return undefined;
      if (minLength !== undefined && value.length < minLength) {
        problem(`use at least ${minLength} characters`);
      }
      if (maxLength !== undefined && value.length > maxLength) problem(`at most ${maxLength} characters`);
      return value;
    },
  } satisfies Variable<string | undefined>;
}

function lengthInWords(minLength: number | undefined, maxLength: number | undefined): string {
  if (minLength !== undefined) return `at least ${minLength} characters`;
  if (maxLength !== undefined) return `at most ${maxLength} characters`;
  return "text";
}

/** The non-empty, trimmed entries of a comma-separated list. */
export function commaSeparated(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** The JSON in `value` (`undefined` when unset); a problem when it is not JSON. */
export function jsonOf(value: string | undefined, problem: Problem): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    problem("not valid JSON");
    return undefined;
  }
}
