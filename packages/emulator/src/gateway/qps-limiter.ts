import { REGIONS, type RegionId } from "@liveness-kit/core";

/**
 * QPS limits: `false` switches throttling off (load tests), a number applies to every region, a map overrides
 * some regions; a region not in the map keeps Alibaba's published limit (`REGIONS[region].qps`: 10 or 3).
 */
export type QpsSetting = false | number | Partial<Record<RegionId, number>>;

/** The outcome of {@link QpsLimiter.take}: allowed, or refused with the wait until a slot frees up. */
export type QpsDecision = { ok: true } | { ok: false; retryAfterMs: number; limit: number };

const WINDOW_MS = 1000;

/**
 * Alibaba's flow control: at most N calls of one API per account and region in any one-second window (a
 * sliding window, so a burst cannot slip through at a second's edge). Only verified requests count, so the
 * keys are bounded by the configured access keys.
 */
export class QpsLimiter {
  #setting: QpsSetting;
  readonly #calls = new Map<string, number[]>();

  constructor(setting: QpsSetting = {}) {
    this.#setting = setting;
  }

  /** The current setting. */
  get setting(): QpsSetting {
    return this.#setting;
  }

  /** Replaces the setting and forgets the calls counted so far. */
  set setting(setting: QpsSetting) {
    this.#setting = setting;
    this.#calls.clear();
  }

  /** The limit that applies in a region, or undefined when throttling is off. */
  limitFor(region: RegionId): number | undefined {
    const setting = this.#setting;
    if (setting === false) return undefined;
    if (typeof setting === "number") return setting;
    return setting[region] ?? REGIONS[region].qps;
  }

  /** Counts one call; refuses it when the window is full. */
  take(call: { accessKeyId: string; region: RegionId; action: string }, now: number): QpsDecision {
    const limit = this.limitFor(call.region);
    if (limit === undefined) return { ok: true };
    const key = `${call.accessKeyId}\n${call.region}\n${call.action}`;
    const recent = (this.#calls.get(key) ?? []).filter((time) => time > now - WINDOW_MS);
    if (recent.length >= limit) {
      this.#calls.set(key, recent);
      const oldest = recent[recent.length - limit] ?? now;
      return { ok: false, limit, retryAfterMs: Math.max(1, oldest + WINDOW_MS - now) };
    }
    recent.push(now);
    this.#calls.set(key, recent);
    return { ok: true };
  }

  /** Forgets every counted call. */
  clear(): void {
    this.#calls.clear();
  }
}
