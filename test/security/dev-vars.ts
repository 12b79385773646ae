import { readFileSync } from "node:fs";

/**
 * The proxy's committed local config (packages/edge-proxy/dev.vars), read the way wrangler reads an env
 * file: `NAME=value` lines, `#` comments, values optionally in single or double quotes. The suites mint
 * caller tokens with its token secret and scan for every secret it holds.
 */
export function readDevVars(): Record<string, string> {
  const text = readFileSync(new URL("../../packages/edge-proxy/dev.vars", import.meta.url), "utf8");
  const vars: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match?.[1] || match[2] === undefined) continue;
    const value = match[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    vars[match[1]] = quoted?.[2] ?? value;
  }
  return vars;
}

/** One variable of dev.vars; throws when it is missing, so a renamed variable cannot silently weaken a test. */
export function devVar(name: string): string {
  const value = readDevVars()[name];
  if (value === undefined || value === "") throw new Error(`packages/edge-proxy/dev.vars has no ${name}`);
  return value;
}
