/** When a region's circuit opens (consecutive failures) and how long it stays open before one probe. */
export interface CircuitRule {
  failureThreshold: number;
  cooldownMs: number;
  /** How long a half-open probe may take before another caller may probe instead. */
  probeTimeoutMs: number;
}

/**
 * A circuit's memory. `closed`: calls flow, `failures` counts consecutive failures. `open`: calls are
 * refused until `openUntil`. `half-open`: one probe is out (until `probeUntil`); its result decides.
 */
export interface CircuitState {
  status: "closed" | "open" | "half-open";
  failures: number;
  openUntil: number;
  probeUntil: number;
}

/** The answer to "may I call this region now?". */
export interface CircuitAdmission {
  state: CircuitState;
  allowed: boolean;
  /** When refused: how long until the circuit will let a probe through. */
  retryAfterMs: number;
}

/** A circuit that has seen nothing yet. */
export const CLOSED_CIRCUIT: CircuitState = Object.freeze({
  status: "closed",
  failures: 0,
  openUntil: 0,
  probeUntil: 0,
});

/** Decides whether a call may go to the region now; after the cool-down exactly one probe goes. */
export function admitCall(state: CircuitState, rule: CircuitRule, now: number): CircuitAdmission {
  if (state.status === "closed") return { state, allowed: true, retryAfterMs: 0 };
  if (state.status === "open" && now < state.openUntil) {
    return { state, allowed: false, retryAfterMs: state.openUntil - now };
  }
  if (state.status === "half-open" && now < state.probeUntil) {
    return { state, allowed: false, retryAfterMs: state.probeUntil - now };
  }
  // Cool-down over (or the last probe vanished): this caller is the probe.
  const probing: CircuitState = { ...state, status: "half-open", probeUntil: now + rule.probeTimeoutMs };
  return { state: probing, allowed: true, retryAfterMs: 0 };
}

/**
 * Records a call's outcome. `ok` means the region answered (even with a business error); a failure is
 * a network error, a timeout or a 5xx. A failed probe re-opens the circuit at once.
 */
export function recordOutcome(
  state: CircuitState,
  rule: CircuitRule,
  now: number,
  ok: boolean,
): CircuitState {
  if (ok) return CLOSED_CIRCUIT;
  const failures = state.failures + 1;
  if (state.status === "half-open" || failures >= rule.failureThreshold) {
    return { status: "open", failures, openUntil: now + rule.cooldownMs, probeUntil: 0 };
  }
  return { ...state, failures };
}
