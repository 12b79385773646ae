import { DurableObject } from "cloudflare:workers";
import type { ProxyEnv } from "../env.js";
import {
  admitCall,
  type CircuitRule,
  type CircuitState,
  CLOSED_CIRCUIT,
  recordOutcome,
} from "../upstream/circuit-breaker.js";

const KEY = "circuit";

/** What `RegionCircuit.admit` answers. */
export interface CircuitDecision {
  allowed: boolean;
  retryAfterMs: number;
  /** Closed with no failure counted: a success then changes nothing and need not be recorded. */
  clean: boolean;
}

/**
 * The circuit breaker of one Alibaba region (one object per region and endpoint). Its state is kept
 * in storage on every change, so an open circuit stays open when the object is evicted.
 */
export class RegionCircuit extends DurableObject<ProxyEnv> {
  #state: CircuitState = CLOSED_CIRCUIT;

  constructor(ctx: DurableObjectState, env: ProxyEnv) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      this.#state = (await ctx.storage.get<CircuitState>(KEY)) ?? CLOSED_CIRCUIT;
    });
  }

  /** May a call go to this region now? After the cool-down, exactly one caller is told yes (the probe). */
  async admit(rule: CircuitRule): Promise<CircuitDecision> {
    const admission = admitCall(this.#state, rule, Date.now());
    await this.#save(admission.state);
    const clean = admission.state.status === "closed" && admission.state.failures === 0;
    return { allowed: admission.allowed, retryAfterMs: admission.retryAfterMs, clean };
  }

  /** Records whether the region answered (`ok`) or failed (network error, timeout, 5xx). */
  async record(rule: CircuitRule, ok: boolean): Promise<void> {
    await this.#save(recordOutcome(this.#state, rule, Date.now(), ok));
  }

  /** The current state, for tests and diagnostics. */
  inspect(): CircuitState {
    return this.#state;
  }

  async #save(next: CircuitState): Promise<void> {
    const previous = this.#state;
    this.#state = next;
    const same =
      previous.status === next.status &&
      previous.failures === next.failures &&
      previous.openUntil === next.openUntil &&
      previous.probeUntil === next.probeUntil;
    if (!same) await this.ctx.storage.put(KEY, next);
  }
}
