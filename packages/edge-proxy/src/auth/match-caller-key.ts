import { constantTimeEqual, sha256Hex } from "@liveness-kit/core/sign";
import type { CallerKeyEntry } from "../config/proxy-config.js";

/**
 * Finds the configured caller whose key hashes to the key presented. The proxy only knows SHA-256
 * hashes; every entry is compared in constant time and the loop never stops early, so timing reveals
 * neither which entry matched nor how much of a hash did.
 */
export async function matchCallerKey(
  key: string,
  entries: readonly CallerKeyEntry[],
): Promise<CallerKeyEntry | undefined> {
  const hash = await sha256Hex(key);
  let found: CallerKeyEntry | undefined;
  for (const entry of entries) {
    const same = constantTimeEqual(hash, entry.sha256);
    if (same && found === undefined) found = entry;
  }
  return found;
}
