/** When a region's circuit opens (consecutive failures) and how long it stays open before one probe. */
export interface CircuitRule {
  failureThreshold: number;
  cooldownMs: number;
  /** How long a half-open probe may take before another caller may probe instead. */
  probeTimeoutMs: number;
}

/**
 * How many different callers the failures must come from before the circuit opens: one caller who can make
 * its own calls fail must not shut a region for everyone.
 */
export const MIN_FAILING_CALLERS = 2;

/** At most this many failing callers are remembered (enough to know there were several). */
const MAX_REMEMBERED_CALLERS = 8;

/**
 * A circuit's memory. `closed`: calls flow, `failures` counts consecutive failures and `failingCallers`
 * who had them. `open`: calls are refused until `openUntil`. `half-open`: one probe is out (`prober`,
 * until `probeUntil`); its result decides. A caller whose probe ended without a verdict may not take the
 * next one before `barredUntil` (`barred`), so nobody can hold the trial by making calls that never decide.
 */
export interface CircuitState {
  status: "closed" | "open" | "half-open";
  failures: number;
  openUntil: number;
  probeUntil: number;
  failingCallers?: readonly string[];
  prober?: string;
  barred?: string;
  barredUntil?: number;
}

/** What a finished call says about the region. */
export type RegionVerdict =
  /** The region answered (a result, or a refusal of the request): it works. */
  | "answered"
  /** A 5xx, a connection failure or gateway throttling: the region is in trouble. */
  | "failed"
  /** Nothing either way (a timeout can be the caller's doing, e.g. a slow image host). */
  | "unknown";

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

/** Decides whether `caller` may call the region now; after the cool-down exactly one probe goes. */
export function admitCall(
  state: CircuitState,
  rule: CircuitRule,
  now: number,
  caller: string,
): CircuitAdmission {
  if (state.status === "closed") return { state, allowed: true, retryAfterMs: 0 };
  if (state.status === "open" && now < state.openUntil) {
    return { state, allowed: false, retryAfterMs: state.openUntil - now };
  }
  if (state.status === "half-open" && now < state.probeUntil) {
    return { state, allowed: false, retryAfterMs: state.probeUntil - now };
  }
  // A probe that timed out without reporting loses the next trial, like one that ended without a verdict.
  const { prober, ...rest } = state;
  const next: CircuitState =
    state.status === "half-open" && prober !== undefined
      ? { ...rest, barred: prober, barredUntil: now + rule.cooldownMs }
      : state;
  if (next.barred === caller && now < (next.barredUntil ?? 0)) {
    return {
      state: next,
      allowed: false,
      retryAfterMs: Math.min(rule.probeTimeoutMs, (next.barredUntil ?? 0) - now),
    };
  }
  // Cool-down over (or the last probe vanished): this caller is the probe.
  const probing: CircuitState = {
    ...next,
    status: "half-open",
    probeUntil: now + rule.probeTimeoutMs,
    prober: caller,
  };
  return { state: probing, allowed: true, retryAfterMs: 0 };
}

/**
 * Records what `caller`'s call said about the region. `answered` closes the circuit. `failed` counts a
 * strike; the circuit opens at the threshold once the strikes come from `MIN_FAILING_CALLERS` callers,
 * and a failed probe re-opens it at once. `unknown` changes nothing, except that a probe ending so
 * gives the trial up at once (to another caller).
 */
export function recordOutcome(
  state: CircuitState,
  rule: CircuitRule,
  now: number,
  verdict: RegionVerdict,
  caller: string,
): CircuitState {
  if (verdict === "answered") return CLOSED_CIRCUIT;
  const probing = state.status === "half-open" && state.prober === caller;
  if (verdict === "unknown") {
    if (!probing) return state;
    const { prober: _prober, ...rest } = state;
    return { ...rest, probeUntil: 0, barred: caller, barredUntil: now + rule.cooldownMs };
  }
  if (probing) {
    return { ...reopened(state, now, rule), failures: state.failures + 1 };
  }
  // A call admitted before the circuit opened may end after: the circuit is already doing its job.
  if (state.status !== "closed") return state;
  const failures = state.failures + 1;
  const known = state.failingCallers ?? [];
  const failingCallers =
    known.includes(caller) || known.length >= MAX_REMEMBERED_CALLERS ? known : [...known, caller];
  if (failures >= rule.failureThreshold && failingCallers.length >= MIN_FAILING_CALLERS) {
    return { ...reopened(state, now, rule), failures, failingCallers };
  }
  return { ...state, failures, failingCallers };
}

function reopened(state: CircuitState, now: number, rule: CircuitRule): CircuitState {
  const { prober: _prober, ...rest } = state;
  return { ...rest, status: "open", openUntil: now + rule.cooldownMs, probeUntil: 0 };
}
