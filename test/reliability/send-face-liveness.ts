import { mintCallerToken } from "@liveness-kit/core/token";
import { devVar } from "../security/dev-vars.js";
import { STACK } from "../support/stack-urls.js";

/** What one request through the proxy ended in: an answer, or nothing within the client's patience. */
export type ProxyOutcome =
  | { kind: "answer"; status: number; headers: Record<string, string>; text: string; ms: number }
  | { kind: "no-answer"; reason: string; ms: number };

/**
 * How long the client waits for the proxy: above the proxy's whole upstream budget (UPSTREAM_BUDGET_MS,
 * 25 s in wrangler.jsonc, over tries of UPSTREAM_TIMEOUT_MS = 10 s), so a request the proxy never
 * answers shows as "no-answer" instead of being cut short by the test.
 */
export const CLIENT_PATIENCE_MS = 40_000;

/**
 * Sends one FaceLivenessV2 request to the proxy with a fresh caller token for `subject` (tokens are
 * single-use; requests of one subject share its rate limit and its idempotency scope).
 */
export async function sendFaceLiveness(body: string, subject: string): Promise<ProxyOutcome> {
  const token = await mintCallerToken({
    secret: devVar("CALLER_TOKEN_SECRET"),
    subject,
    audience: "liveness-edge-proxy",
    ttlSeconds: 120,
  });
  const started = performance.now();
  try {
    const response = await fetch(`${STACK.proxy}/v1/face-liveness`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
      signal: AbortSignal.timeout(CLIENT_PATIENCE_MS),
    });
    const text = await response.text();
    return {
      kind: "answer",
      status: response.status,
      headers: Object.fromEntries(response.headers),
      text,
      ms: performance.now() - started,
    };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { kind: "no-answer", reason, ms: performance.now() - started };
  }
}
