import { DurableObject } from "cloudflare:workers";
import type { ProxyEnv } from "../env.js";
import {
  admitCall,
  type CircuitRule,
  type CircuitState,
  CLOSED_CIRCUIT,
  type RegionVerdict,
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

  /**
   * May `caller`'s call go to this region now? After the cool-down, exactly one caller is told yes (the
   * probe); a caller whose last probe decided nothing is not the next one.
   */
  async admit(rule: CircuitRule, caller: string): Promise<CircuitDecision> {
    const admission = admitCall(this.#state, rule, Date.now(), caller);
    await this.#save(admission.state);
    const clean = admission.state.status === "closed" && admission.state.failures === 0;
    return { allowed: admission.allowed, retryAfterMs: admission.retryAfterMs, clean };
  }

  /** Records what `caller`'s call said about the region (see `RegionVerdict`). */
  async record(rule: CircuitRule, verdict: RegionVerdict, caller: string): Promise<void> {
    await this.#save(recordOutcome(this.#state, rule, Date.now(), verdict, caller));
  }

  /** The current state, for tests and diagnostics. */
  inspect(): CircuitState {
    return this.#state;
  }

  async #save(next: CircuitState): Promise<void> {
    const previous = this.#state;
    this.#state = next;
    if (previous !== next && JSON.stringify(previous) !== JSON.stringify(next)) {
      await this.ctx.storage.put(KEY, next);
    }
  }
}
