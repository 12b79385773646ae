import { commaSeparated } from "./text-variable.js";
import type { Problem } from "./variable.js";

/** `ALLOWED_ORIGINS`: comma-separated origins such as `https://app.example` (no `*`, no paths). */
export function parseAllowedOrigins(text: string | undefined, problem: Problem): Set<string> {
  const origins = new Set<string>();
  for (const candidate of commaSeparated(text ?? "")) {
    let origin: string | undefined;
    try {
      origin = new URL(candidate).origin;
    } catch {
      origin = undefined;
    }
    if (origin === undefined || origin === "null" || origin !== candidate) {
      problem(`"${candidate.slice(0, 64)}" is not an origin such as https://app.example`);
      continue;
    }
    origins.add(origin);
  }
  return origins;
}
