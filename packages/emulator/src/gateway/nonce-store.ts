/**
 * Remembers signature nonces so that a replayed request is refused with `SignatureNonceUsed`, as Alibaba's
 * gateway does. A nonce is kept for `retentionMs` (by default 30 minutes: a date may be 15 minutes off either
 * way, so a captured request stays within the window for up to 30 minutes). Memory is bounded: beyond
 * `maxEntries` the oldest nonces are forgotten first.
 */
export class NonceStore {
  readonly #seen = new Map<string, number>();
  readonly #retentionMs: number;
  readonly #maxEntries: number;

  constructor(options: { retentionMs?: number; maxEntries?: number } = {}) {
    this.#retentionMs = options.retentionMs ?? 30 * 60_000;
    this.#maxEntries = options.maxEntries ?? 200_000;
  }

  /**
   * Records a nonce of an access key; false when it was seen within the retention window (a replay).
   * Nonces are per access key: two accounts may pick the same value.
   */
  remember(accessKeyId: string, nonce: string, now: number): boolean {
    this.#purge(now);
    const key = `${accessKeyId}\n${nonce}`;
    const expiry = this.#seen.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.#seen.delete(key);
    this.#seen.set(key, now + this.#retentionMs);
    while (this.#seen.size > this.#maxEntries) {
      const oldest = this.#seen.keys().next().value;
      if (oldest === undefined) break;
      this.#seen.delete(oldest);
    }
    return true;
  }

  /** How many nonces are held. */
  get size(): number {
    return this.#seen.size;
  }

  /** Forgets every nonce. */
  clear(): void {
    this.#seen.clear();
  }

  // Entries are inserted in time order with one fixed retention, so expired ones are at the front.
  #purge(now: number): void {
    for (const [key, expiry] of this.#seen) {
      if (expiry > now) break;
      this.#seen.delete(key);
    }
  }
}
