import * as v from "valibot";
import { jsonOf } from "./text-variable.js";
import type { Problem } from "./variable.js";

const CallerKeysSchema = v.array(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/)),
    sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
    ratePerSecond: v.optional(v.pipe(v.number(), v.minValue(0.001), v.maxValue(100_000))),
    burst: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
    role: v.optional(v.picklist(["browser", "server"])),
  }),
);

/** One entry of `CALLER_KEYS` as written: the key's SHA-256, its role and rate if they differ from the default. */
export type CallerKeyText = v.InferOutput<typeof CallerKeysSchema>[number];

/** `CALLER_KEYS`: a JSON array of caller keys (as their SHA-256) with distinct ids. */
export function parseCallerKeys(text: string | undefined, problem: Problem): readonly CallerKeyText[] {
  const raw = jsonOf(text, problem);
  if (raw === undefined) return [];
  const parsed = v.safeParse(CallerKeysSchema, raw);
  if (!parsed.success) {
    problem(
      'expected [{ "id": "name", "sha256": "<64 lower-case hex>", "role": "browser" | "server" }, ...]',
    );
    return [];
  }
  const ids = new Set(parsed.output.map((entry) => entry.id));
  if (ids.size !== parsed.output.length) problem("ids must be distinct");
  return parsed.output;
}
