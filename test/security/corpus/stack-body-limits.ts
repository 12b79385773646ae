/**
 * The proxy's body-read bounds on the stack under test. scripts/stack.mjs passes the JSON of
 * LIVENESS_PROXY_VARS to `wrangler dev` as `--var`s over the committed config, and test/support/stack-setup.ts
 * starts it with this process's environment, so the same variable says what the stack runs with. Without
 * it, the proxy's documented defaults (packages/edge-proxy/README.md) apply.
 */
const vars = JSON.parse(process.env.LIVENESS_PROXY_VARS ?? "{}") as Record<string, unknown>;

function setting(name: string, fallback: number): number {
  const value = Number(vars[name] ?? fallback);
  return Number.isFinite(value) ? value : fallback;
}

/** `MAX_BODY_BYTES`, `BODY_IDLE_TIMEOUT_MS`, `BODY_DEADLINE_MS`, `BODY_DRAIN_MAX_MS` of the stack. */
export const STACK_BODY_LIMITS = {
  maxBytes: setting("MAX_BODY_BYTES", 1_500_000),
  idleTimeoutMs: setting("BODY_IDLE_TIMEOUT_MS", 10_000),
  deadlineMs: setting("BODY_DEADLINE_MS", 60_000),
  drainMaxMs: setting("BODY_DRAIN_MAX_MS", 5_000),
} as const;

/**
 * Room for a loaded two-core machine between the proxy's own bound and the answer reaching the test:
 * an answer later than bound + slack counts as a hang.
 */
export const TIMING_SLACK_MS = 3_000;
