/** Adds a problem with a variable: a reason, never the value (a value may be a secret). */
export type Problem = (reason: string) => void;

/**
 * One variable of the proxy's configuration, as the table in `proxy-variables.ts` lists it: what it does,
 * its default, the values it takes, and how its text becomes a value. Workers deliver every var and secret
 * as a string.
 */
export interface Variable<T> {
  /** What it does (the README's "what it does" column). */
  meaning: string;
  /** The values it takes, in words (the README's "values" column). */
  values: string;
  /** The text used when it is unset; wrangler.jsonc's `vars` carry it for every variable that is no secret. */
  default?: string;
  /** What leaving it unset means when there is no default text, e.g. "none: `image.url` off". */
  unset?: string;
  /** It must be set; a text says what to set it to. */
  required?: true | string;
  /** Set with `wrangler secret put` (or dev.vars locally), never in wrangler.jsonc. */
  secret?: true;
  /** The value of `text` (the default's when unset). Calls `problem` for a wrong one and returns any value. */
  parse(text: string | undefined, problem: Problem): T;
}

/** The value a variable parses to. */
export type ValueOf<V> = V extends Variable<infer T> ? T : never;
