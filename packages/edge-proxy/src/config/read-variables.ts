import { PROXY_VARIABLES, type ProxyVariableName } from "./proxy-variables.js";
import type { Problem, ValueOf, Variable } from "./variable.js";

/** The variables `loadProxyConfig` reads (all strings, as Workers deliver vars and secrets). */
export type ProxyConfigSource = Readonly<Record<string, unknown>>;

/** The value of every variable of the table, its default's when unset. */
export type VariableValues = { [Name in ProxyVariableName]: ValueOf<(typeof PROXY_VARIABLES)[Name]> };

/**
 * Reads each variable of the table once, adding to `problems` a name and a reason (never a value) for each
 * one that is missing or wrong. The values of wrong variables are placeholders: with a problem the proxy
 * does not start.
 */
export function readVariables(env: ProxyConfigSource, problems: string[]): VariableValues {
  const values: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(PROXY_VARIABLES) as [string, Variable<unknown>][]) {
    const problem: Problem = (reason) => problems.push(`${name}: ${reason}`);
    const text = textOf(env[name], problem);
    if (text === undefined && variable.required === true) problem("required");
    else if (text === undefined && variable.required) problem(`required (${variable.required})`);
    values[name] = variable.parse(text ?? variable.default, problem);
  }
  return values as VariableValues;
}

/** The variable's text; `undefined` when it is unset, empty or blank. */
function textOf(value: unknown, problem: Problem): string | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") {
    problem("must be a string");
    return undefined;
  }
  return value.trim() === "" ? undefined : value;
}
