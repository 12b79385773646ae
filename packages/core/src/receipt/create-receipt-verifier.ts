import type { LivenessReceiptResult, ReceiptAlgorithm, ReceiptJwks } from "./receipt-claims.js";
import { verifyLivenessReceipt } from "./verify-liveness-receipt.js";

/** The options of `createReceiptVerifier`. */
export interface ReceiptVerifierOptions {
  /** The issuer's key set, e.g. `https://proxy.example/.well-known/jwks.json`. */
  readonly jwksUrl: string | URL;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
  readonly algorithms?: readonly ReceiptAlgorithm[] | undefined;
  /** Default `globalThis.fetch`. */
  readonly fetch?: typeof fetch | undefined;
  /** How long a fetched key set is used before it is fetched again; default 10 minutes. */
  readonly cacheMaxAgeMs?: number | undefined;
  /** The least time between two fetches, whatever happens (unknown `kid`s, failures); default 30 s. */
  readonly minRefreshIntervalMs?: number | undefined;
  /** How long one fetch of the key set may take; default 5 s. */
  readonly timeoutMs?: number | undefined;
}

/** Verifies receipts against a key set fetched from a URL and cached. */
export interface ReceiptVerifier {
  /** As `verifyLivenessReceipt`, plus `jwks_unavailable` when no key set could be fetched yet. Never throws. */
  verify(receipt: unknown, options?: { readonly now?: Date | undefined }): Promise<LivenessReceiptResult>;
}

/**
 * Makes a `ReceiptVerifier` for a server that checks the receipts an app's browser hands it. The key set is
 * fetched on first use and kept `cacheMaxAgeMs`; a receipt signed with an unknown `kid` (a rotated key)
 * fetches it again at once, at most every `minRefreshIntervalMs`. One fetch at a time: a burst of receipts
 * waits on the same fetch, so a flood of forged `kid`s cannot make the verifier hammer the issuer. A failed
 * fetch keeps the last good key set.
 */
export function createReceiptVerifier(options: ReceiptVerifierOptions): ReceiptVerifier {
  const maxAgeMs = options.cacheMaxAgeMs ?? 600_000;
  const minIntervalMs = options.minRefreshIntervalMs ?? 30_000;
  let jwks: ReceiptJwks | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;

  const load = (): Promise<void> => {
    inFlight ??= (async () => {
      try {
        const response = await (options.fetch ?? fetch)(String(options.jwksUrl), {
          headers: { accept: "application/json" },
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
        const body = (await response.json()) as ReceiptJwks;
        if (response.ok && Array.isArray(body?.keys)) jwks = body;
      } catch {
        // Kept: the last good key set; the next fetch waits for the interval.
      } finally {
        fetchedAt = Date.now();
        inFlight = undefined;
      }
    })();
    return inFlight;
  };
  const age = () => Date.now() - fetchedAt;

  return {
    async verify(receipt, verifyOptions = {}) {
      if (age() >= (jwks ? maxAgeMs : minIntervalMs)) await load();
      // Without keys, wait for a fetch under way; with keys, use them meanwhile.
      else if (!jwks && inFlight) await inFlight;
      if (!jwks) return { ok: false, reason: "jwks_unavailable" };
      const check = () =>
        verifyLivenessReceipt(receipt, { ...options, ...verifyOptions, jwks: jwks as ReceiptJwks });
      const result = await check();
      if (result.ok || result.reason !== "unknown_key" || age() < minIntervalMs) return result;
      await load();
      return check();
    },
  };
}
