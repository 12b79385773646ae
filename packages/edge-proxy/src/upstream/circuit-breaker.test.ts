import { describe, expect, it } from "vitest";
import { admitCall, type CircuitState, CLOSED_CIRCUIT, recordOutcome } from "./circuit-breaker.js";

const rule = { failureThreshold: 3, cooldownMs: 1_000, probeTimeoutMs: 500 };

describe("circuit breaker", () => {
  it("opens after the threshold of consecutive failures from two callers and refuses until the cool-down ends", () => {
    let state = CLOSED_CIRCUIT;
    state = recordOutcome(state, rule, 0, "failed", "a");
    state = recordOutcome(state, rule, 0, "failed", "b");
    expect(admitCall(state, rule, 0, "c").allowed).toBe(true);
    state = recordOutcome(state, rule, 10, "failed", "a");
    expect(state.status).toBe("open");
    const refused = admitCall(state, rule, 500, "c");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(510);
  });

  it("never opens on one caller's failures, however many", () => {
    let state = CLOSED_CIRCUIT;
    for (let i = 0; i < 100; i++) state = recordOutcome(state, rule, i, "failed", "slow-caller");
    expect(state.status).toBe("closed");
    expect(admitCall(state, rule, 100, "someone-else").allowed).toBe(true);
    // One strike from anyone else is then enough.
    expect(recordOutcome(state, rule, 101, "failed", "someone-else").status).toBe("open");
  });

  it("counts nothing for a timeout or a refusal of the request", () => {
    let state = CLOSED_CIRCUIT;
    for (const caller of ["a", "b", "c", "d"]) state = recordOutcome(state, rule, 0, "unknown", caller);
    expect(state).toEqual(CLOSED_CIRCUIT);
    state = recordOutcome(state, rule, 0, "failed", "a");
    state = recordOutcome(state, rule, 0, "failed", "b");
    expect(recordOutcome(state, rule, 0, "answered", "c")).toEqual(CLOSED_CIRCUIT);
  });

  it("lets exactly one probe through after the cool-down; its success closes the circuit", () => {
    const open: CircuitState = { status: "open", failures: 3, openUntil: 1_000, probeUntil: 0 };
    const probe = admitCall(open, rule, 1_000, "a");
    expect(probe.allowed).toBe(true);
    expect(probe.state.status).toBe("half-open");
    expect(admitCall(probe.state, rule, 1_100, "b").allowed).toBe(false);
    expect(recordOutcome(probe.state, rule, 1_200, "answered", "a")).toEqual(CLOSED_CIRCUIT);
  });

  it("a failed probe re-opens the circuit for a full cool-down", () => {
    const halfOpen: CircuitState = {
      status: "half-open",
      failures: 3,
      openUntil: 1_000,
      probeUntil: 1_500,
      prober: "a",
    };
    const state = recordOutcome(halfOpen, rule, 1_200, "failed", "a");
    expect(state.status).toBe("open");
    expect(state.openUntil).toBe(2_200);
  });

  it("a probe that decides nothing gives the trial to another caller at once, not to itself", () => {
    const open: CircuitState = { status: "open", failures: 3, openUntil: 1_000, probeUntil: 0 };
    const probe = admitCall(open, rule, 1_000, "slow");
    const released = recordOutcome(probe.state, rule, 1_100, "unknown", "slow");
    expect(released.status).toBe("half-open");
    const again = admitCall(released, rule, 1_101, "slow");
    expect(again.allowed).toBe(false);
    const other = admitCall(again.state, rule, 1_102, "other");
    expect(other.allowed).toBe(true);
    expect(recordOutcome(other.state, rule, 1_150, "answered", "other")).toEqual(CLOSED_CIRCUIT);
  });

  it("a probe that never reports back does not block the region forever, and its caller waits", () => {
    const halfOpen: CircuitState = {
      status: "half-open",
      failures: 3,
      openUntil: 1_000,
      probeUntil: 1_500,
      prober: "gone",
    };
    expect(admitCall(halfOpen, rule, 1_500, "gone").allowed).toBe(false);
    expect(admitCall(halfOpen, rule, 1_500, "other").allowed).toBe(true);
    // Barred for one cool-down only: a region with a single caller is not shut for good.
    const barred = admitCall(halfOpen, rule, 1_500, "gone").state;
    expect(admitCall(barred, rule, 2_500, "gone").allowed).toBe(true);
  });
});
