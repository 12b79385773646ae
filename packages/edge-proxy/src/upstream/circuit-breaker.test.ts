import { describe, expect, it } from "vitest";
import { admitCall, CLOSED_CIRCUIT, recordOutcome } from "./circuit-breaker.js";

const rule = { failureThreshold: 3, cooldownMs: 1_000, probeTimeoutMs: 500 };

describe("circuit breaker", () => {
  it("opens after the threshold of consecutive failures and refuses until the cool-down ends", () => {
    let state = CLOSED_CIRCUIT;
    state = recordOutcome(state, rule, 0, false);
    state = recordOutcome(state, rule, 0, false);
    expect(admitCall(state, rule, 0).allowed).toBe(true);
    state = recordOutcome(state, rule, 10, false);
    expect(state.status).toBe("open");
    const refused = admitCall(state, rule, 500);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(510);
  });

  it("a success resets the count of failures", () => {
    let state = recordOutcome(CLOSED_CIRCUIT, rule, 0, false);
    state = recordOutcome(state, rule, 0, false);
    state = recordOutcome(state, rule, 0, true);
    state = recordOutcome(state, rule, 0, false);
    expect(state.status).toBe("closed");
    expect(state.failures).toBe(1);
  });

  it("lets exactly one probe through after the cool-down; its success closes the circuit", () => {
    const open = { status: "open" as const, failures: 3, openUntil: 1_000, probeUntil: 0 };
    const probe = admitCall(open, rule, 1_000);
    expect(probe.allowed).toBe(true);
    expect(probe.state.status).toBe("half-open");
    const second = admitCall(probe.state, rule, 1_100);
    expect(second.allowed).toBe(false);
    expect(recordOutcome(probe.state, rule, 1_200, true)).toEqual(CLOSED_CIRCUIT);
  });

  it("a failed probe re-opens the circuit for a full cool-down", () => {
    const halfOpen = { status: "half-open" as const, failures: 3, openUntil: 1_000, probeUntil: 1_500 };
    const state = recordOutcome(halfOpen, rule, 1_200, false);
    expect(state.status).toBe("open");
    expect(state.openUntil).toBe(2_200);
  });

  it("a probe that never reports back does not block the region forever", () => {
    const halfOpen = { status: "half-open" as const, failures: 3, openUntil: 1_000, probeUntil: 1_500 };
    expect(admitCall(halfOpen, rule, 1_500).allowed).toBe(true);
  });
});
