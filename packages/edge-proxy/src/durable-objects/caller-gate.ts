import { DurableObject } from "cloudflare:workers";
import type { ProxyEnv } from "../env.js";
import {
  fullBucket,
  type TokenBucketRule,
  type TokenBucketState,
  takeToken,
} from "../limits/token-bucket.js";

const TOKEN_PREFIX = "jti:";

/** A caller token to use once: its id (`jti`) and when it expires. */
export interface TokenUse {
  id: string;
  expiresAtMs: number;
}

/** What `CallerGate.admit` answers. */
export type CallerAdmission =
  | { kind: "admitted" }
  | { kind: "rate_limited"; retryAfterMs: number }
  | { kind: "token_replayed" };

/**
 * One caller's admission, in one round trip: its token bucket and the ids of the caller tokens it has
 * used (one object per caller, named by the caller's id, so a token, which names its caller, is always
 * checked in the same object). The bucket lives in memory only: a bucket evicted after being idle would
 * have refilled anyway. A used token id is stored until the token expires; then an alarm forgets it (an
 * expired token is refused by its signature check anyway).
 */
export class CallerGate extends DurableObject<ProxyEnv> {
  #bucket: TokenBucketState | undefined;
  #usedTokens = new Map<string, number>();

  constructor(ctx: DurableObjectState, env: ProxyEnv) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      const stored = await ctx.storage.list<number>({ prefix: TOKEN_PREFIX });
      for (const [key, expiresAt] of stored) this.#usedTokens.set(key.slice(TOKEN_PREFIX.length), expiresAt);
    });
  }

  /**
   * Admits one request: a token already used is refused (before any rate is spent, as a replay costs
   * nothing); otherwise the token is marked used and one unit of `rule` is taken (the caller passes the
   * rule, so configuration changes apply at once).
   */
  async admit(rule: TokenBucketRule, token?: TokenUse): Promise<CallerAdmission> {
    if (token !== undefined) {
      if (this.#usedTokens.has(token.id)) return { kind: "token_replayed" };
      // Set before any await: a concurrent replay sees it at once.
      this.#usedTokens.set(token.id, token.expiresAtMs);
    }
    const now = Date.now();
    const take = takeToken(this.#bucket ?? fullBucket(rule, now), rule, now);
    this.#bucket = take.state;
    if (token !== undefined) {
      await this.ctx.storage.put(TOKEN_PREFIX + token.id, token.expiresAtMs);
      await this.#scheduleForgetting();
    }
    // A bucket that never refills answers "an hour", not Infinity, so Retry-After stays a number.
    return take.allowed
      ? { kind: "admitted" }
      : { kind: "rate_limited", retryAfterMs: Math.min(take.retryAfterMs, 3_600_000) };
  }

  /** Forgets the tokens that have expired, and wakes up again for the next one. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const expired = [...this.#usedTokens].filter(([, expiresAt]) => expiresAt <= now).map(([id]) => id);
    for (const id of expired) this.#usedTokens.delete(id);
    // Storage deletes at most 128 keys per call.
    for (let i = 0; i < expired.length; i += 128) {
      await this.ctx.storage.delete(expired.slice(i, i + 128).map((id) => TOKEN_PREFIX + id));
    }
    await this.#scheduleForgetting();
  }

  async #scheduleForgetting(): Promise<void> {
    if (this.#usedTokens.size === 0) return;
    let next = Number.POSITIVE_INFINITY;
    for (const expiresAt of this.#usedTokens.values()) next = Math.min(next, expiresAt);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > next) await this.ctx.storage.setAlarm(next);
  }
}
