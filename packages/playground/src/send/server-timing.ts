/** One metric of a `Server-Timing` header (W3C Server Timing): a name, an optional duration and description. */
export interface ServerTimingMetric {
  readonly name: string;
  /** Milliseconds, when the server gave `dur`. */
  readonly duration?: number;
  readonly description?: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Parses a `Server-Timing` header value, e.g. `validate;dur=1.2, sign;dur=0.4, upstream;dur=118;desc="ap-southeast-1"`.
 * Tolerant the way browsers are: a malformed metric is skipped, not fatal; quoted strings may hold commas
 * and semicolons; unknown parameters are ignored. Never throws.
 */
export function parseServerTiming(header: string | null | undefined): ServerTimingMetric[] {
  if (!header) return [];
  const metrics: ServerTimingMetric[] = [];
  for (const part of splitOutsideQuotes(header, ",")) {
    const [rawName = "", ...params] = splitOutsideQuotes(part, ";");
    const name = rawName.trim();
    if (!TOKEN.test(name)) continue;
    let duration: number | undefined;
    let description: string | undefined;
    for (const param of params) {
      const eq = param.indexOf("=");
      const key = (eq === -1 ? param : param.slice(0, eq)).trim().toLowerCase();
      const value = eq === -1 ? "" : unquote(param.slice(eq + 1).trim());
      // The spec keeps the first occurrence of a parameter.
      if (key === "dur" && duration === undefined) {
        const n = Number(value);
        if (value !== "" && Number.isFinite(n) && n >= 0) duration = n;
      } else if (key === "desc" && description === undefined) {
        description = value;
      }
    }
    metrics.push({
      name,
      ...(duration === undefined ? {} : { duration }),
      ...(description === undefined ? {} : { description }),
    });
  }
  return metrics;
}

/** Splits on `separator` except inside double-quoted strings (with backslash escapes). */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === "\\" && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return value;
}
