import { DurableObject } from "cloudflare:workers";
import type { ProxyEnv } from "../env.js";

const KEY = "expiresAt";

/**
 * Remembers that one caller token (named by its `jti`) was used, until the token expires; then an alarm
 * forgets it (an expired token is refused by its signature check anyway).
 */
export class TokenReplayObject extends DurableObject<ProxyEnv> {
  #used = false;

  constructor(ctx: DurableObjectState, env: ProxyEnv) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      this.#used = (await ctx.storage.get<number>(KEY)) !== undefined;
    });
  }

  /** Marks the token used; `true` the first time, `false` for every replay. */
  async claim(expiresAtMs: number): Promise<boolean> {
    if (this.#used) return false;
    // Set before any await: a concurrent replay sees it at once.
    this.#used = true;
    await this.ctx.storage.put(KEY, expiresAtMs);
    await this.ctx.storage.setAlarm(expiresAtMs);
    return true;
  }

  /** The token has expired: nothing to remember any more. */
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.#used = false;
  }
}
