import { DurableObject } from "cloudflare:workers";
import type { ProxyEnv } from "../env.js";
import { callerShare } from "../limits/caller-share.js";
import {
  fullBucket,
  type TokenBucketRule,
  type TokenBucketState,
  takeToken,
} from "../limits/token-bucket.js";
import {
  admitCall,
  type CircuitRule,
  type CircuitState,
  CLOSED_CIRCUIT,
  type RegionVerdict,
  recordOutcome,
} from "../upstream/circuit-breaker.js";

const CIRCUIT_PREFIX = "circuit:";
/** Callers whose share is full again are forgotten once this many are remembered. */
const MAX_REMEMBERED_SHARES = 1_000;

/** One call's way through a region's gate: the endpoint's circuit, the region's QPS and the caller's share. */
export interface GateRequest {
  /** The endpoint called: each endpoint of the region has its own circuit. */
  origin: string;
  circuit: CircuitRule;
  /** The region's bucket (Alibaba's per-account QPS); the caller may use half of it (`callerShare`). */
  bucket: TokenBucketRule;
  /** Who calls, as a tag that names nobody (`circuitCallerTag`). */
  caller: string;
}

/** What `RegionGate.pass` answers. */
export interface GateDecision {
  allowed: boolean;
  /** Why not: the circuit is open (or its trial taken), or there is no token. */
  refusedBy?: "circuit" | "rate";
  retryAfterMs: number;
  /** Closed with no failure counted: a success then changes nothing and need not be recorded. */
  clean: boolean;
  /** This call holds the circuit's half-open trial. */
  probe: boolean;
}

/**
 * Everything that guards one Alibaba region, in one object so a call passes it in one round trip: the
 * circuit breaker of each endpoint of the region, the region's QPS bucket (one for the whole account,
 * whatever the endpoint) and every caller's fair share of it. Created next to Alibaba (`locationHint`,
 * see `regionGate`). Circuits are stored on every change, so an open circuit stays open when the object
 * is evicted; the buckets live in memory (an evicted bucket would have refilled anyway).
 */
export class RegionGate extends DurableObject<ProxyEnv> {
  #circuits = new Map<string, CircuitState>();
  #bucket: TokenBucketState | undefined;
  #shares = new Map<string, TokenBucketState>();

  constructor(ctx: DurableObjectState, env: ProxyEnv) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      const stored = await ctx.storage.list<CircuitState>({ prefix: CIRCUIT_PREFIX });
      for (const [key, state] of stored) this.#circuits.set(key.slice(CIRCUIT_PREFIX.length), state);
    });
  }

  /**
   * May this call go to the region now? The circuit must admit it (after the cool-down exactly one caller
   * is the probe), then the caller's share and the region's bucket must each have a token. A refused
   * region spends nothing of its QPS; a probe that gets no token gives the trial up at once.
   */
  async pass(request: GateRequest): Promise<GateDecision> {
    const now = Date.now();
    const before = this.#circuit(request.origin);
    const admission = admitCall(before, request.circuit, now, request.caller);
    if (!admission.allowed) {
      await this.#save(request.origin, admission.state);
      return {
        allowed: false,
        refusedBy: "circuit",
        retryAfterMs: admission.retryAfterMs,
        clean: false,
        probe: false,
      };
    }
    const clean = admission.state.status === "closed" && admission.state.failures === 0;
    const probe = admission.state.status === "half-open" && admission.state.prober === request.caller;
    const token = this.#take(request.bucket, request.caller, now);
    if (!token.allowed) {
      const state = clean
        ? admission.state
        : recordOutcome(admission.state, request.circuit, now, "unknown", request.caller);
      await this.#save(request.origin, state);
      return { allowed: false, refusedBy: "rate", retryAfterMs: token.retryAfterMs, clean, probe: false };
    }
    await this.#save(request.origin, admission.state);
    return { allowed: true, retryAfterMs: 0, clean, probe };
  }

  /** One more token for a retry of a call the circuit already admitted. */
  take(bucket: TokenBucketRule, caller: string): { allowed: boolean; retryAfterMs: number } {
    return this.#take(bucket, caller, Date.now());
  }

  /**
   * Undoes a `pass` whose call never went (its request turned out to be a replay, or was refused): the
   * tokens go back, and a trial it held is free again for anyone, this caller included.
   */
  async giveBack(request: GateRequest, decision: GateDecision): Promise<void> {
    if (!decision.allowed) return;
    const now = Date.now();
    this.#bucket = refund(this.#bucket, request.bucket, now);
    const share = callerShare(request.bucket);
    const mine = share === undefined ? undefined : refund(this.#shares.get(request.caller), share, now);
    if (mine !== undefined) this.#shares.set(request.caller, mine);
    const state = this.#circuit(request.origin);
    if (decision.probe && state.status === "half-open" && state.prober === request.caller) {
      const { prober: _prober, ...rest } = state;
      await this.#save(request.origin, { ...rest, probeUntil: 0 });
    }
  }

  /** Records what `caller`'s call said about the endpoint (see `RegionVerdict`). */
  async record(origin: string, rule: CircuitRule, verdict: RegionVerdict, caller: string): Promise<void> {
    await this.#save(origin, recordOutcome(this.#circuit(origin), rule, Date.now(), verdict, caller));
  }

  /** An endpoint's circuit, for tests and diagnostics. */
  inspect(origin: string): CircuitState {
    return this.#circuit(origin);
  }

  /** The caller's share first, then the region's bucket: one caller's burst always leaves tokens for others. */
  #take(bucket: TokenBucketRule, caller: string, now: number): { allowed: boolean; retryAfterMs: number } {
    const share = callerShare(bucket);
    if (share !== undefined) {
      if (this.#shares.size >= MAX_REMEMBERED_SHARES) this.#forgetFullShares(share, now);
      const mine = takeToken(this.#shares.get(caller) ?? fullBucket(share, now), share, now);
      this.#shares.set(caller, mine.state);
      if (!mine.allowed) return bounded(mine.retryAfterMs, false);
    }
    const region = takeToken(this.#bucket ?? fullBucket(bucket, now), bucket, now);
    this.#bucket = region.state;
    return bounded(region.retryAfterMs, region.allowed);
  }

  /** A share that has refilled is the same as no share at all. */
  #forgetFullShares(share: TokenBucketRule, now: number): void {
    for (const [caller, state] of this.#shares) {
      if (takeToken(state, share, now, share.capacity).allowed) this.#shares.delete(caller);
    }
  }

  #circuit(origin: string): CircuitState {
    return this.#circuits.get(origin) ?? CLOSED_CIRCUIT;
  }

  async #save(origin: string, next: CircuitState): Promise<void> {
    const previous = this.#circuit(origin);
    if (previous === next || JSON.stringify(previous) === JSON.stringify(next)) return;
    this.#circuits.set(origin, next);
    await this.ctx.storage.put(CIRCUIT_PREFIX + origin, next);
  }
}

/** A bucket that never refills answers "an hour", not Infinity, so Retry-After stays a number. */
function bounded(retryAfterMs: number, allowed: boolean) {
  return { allowed, retryAfterMs: allowed ? 0 : Math.min(retryAfterMs, 3_600_000) };
}

/** Puts one token back, never above the capacity. */
function refund(
  state: TokenBucketState | undefined,
  rule: TokenBucketRule,
  now: number,
): TokenBucketState | undefined {
  if (state === undefined) return undefined;
  const elapsedMs = Math.max(0, now - state.updatedAt);
  const tokens = Math.min(rule.capacity, state.tokens + 1 + (elapsedMs * rule.refillPerSecond) / 1000);
  return { tokens, updatedAt: now };
}
