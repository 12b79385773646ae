/**
 * One answered call, billed or not: what a reliability test needs to see that a client retried, gave up or
 * was throttled. No image data and no secrets are kept.
 */
export interface CallRecord {
  requestId: string;
  /** ISO 8601, UTC. */
  time: string;
  /** The API called, when the gateway could tell. */
  action?: string;
  merchantBizId?: string;
  /** The HTTP status answered; 0 when the connection was dropped or never answered. */
  httpStatus: number;
  /** `Success`, an Alibaba error code, or `ConnectionDropped` / `NoAnswer` for those scenarios. */
  code: string;
  billed: boolean;
  durationMs: number;
}

/** A filter over the call log. */
export interface CallFilter {
  merchantBizId?: string;
  action?: string;
  code?: string;
}

/** Every call the emulated endpoint answered, most recent last; bounded to `maxEntries`. */
export class CallLog {
  readonly #records: CallRecord[] = [];
  readonly #maxEntries: number;

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  /** Records a call. */
  record(record: CallRecord): void {
    this.#records.push({ ...record });
    if (this.#records.length > this.#maxEntries) this.#records.shift();
  }

  /** The calls held, oldest first, optionally filtered. */
  list(filter: CallFilter = {}): CallRecord[] {
    return this.#records
      .filter(
        (record) =>
          (filter.merchantBizId === undefined || record.merchantBizId === filter.merchantBizId) &&
          (filter.action === undefined || record.action === filter.action) &&
          (filter.code === undefined || record.code === filter.code),
      )
      .map((record) => ({ ...record }));
  }

  /** How many calls each code got, over the calls held (optionally filtered). */
  countByCode(filter: CallFilter = {}): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const record of this.list(filter)) counts[record.code] = (counts[record.code] ?? 0) + 1;
    return counts;
  }

  /** Forgets every call. */
  clear(): void {
    this.#records.length = 0;
  }
}
