import type { RegionId } from "@liveness-kit/core";

/**
 * One billed call. Alibaba bills only answers with SubCode 200 (passed) or 205 (risk); every error is free.
 * `merchantUserId` is stored as received: callers send it hashed, as Alibaba asks.
 */
export interface LedgerEntry {
  requestId: string;
  transactionId: string;
  merchantBizId: string;
  merchantUserId: string;
  productCode: string;
  /** `Passed` of the answer. */
  result: "Y" | "N";
  subCode: "200" | "205";
  region: RegionId;
  accessKeyId: string;
  /** ISO 8601, UTC. */
  time: string;
}

/** Counts over the billed calls (optionally of one MerchantBizId). */
export interface LedgerSummary {
  billed: number;
  passed: number;
  risk: number;
}

/** A filter over the ledger. */
export interface LedgerFilter {
  merchantBizId?: string;
  merchantUserId?: string;
}

/**
 * The billed calls, in order, so tests can prove "billed once". Bounded: beyond `maxEntries` the oldest
 * entries are dropped, while the totals keep counting.
 */
export class Ledger {
  readonly #entries: LedgerEntry[] = [];
  readonly #maxEntries: number;
  #totals: LedgerSummary = { billed: 0, passed: 0, risk: 0 };

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = options.maxEntries ?? 100_000;
  }

  /** Records a billed call. */
  record(entry: LedgerEntry): void {
    this.#entries.push({ ...entry });
    if (this.#entries.length > this.#maxEntries) this.#entries.shift();
    this.#totals = add(this.#totals, entry);
  }

  /** The entries held, oldest first, optionally filtered. */
  entries(filter: LedgerFilter = {}): LedgerEntry[] {
    return this.#entries.filter((entry) => matches(entry, filter)).map((entry) => ({ ...entry }));
  }

  /** Counts: over everything ever recorded without a filter, over the entries held with one. */
  summary(filter: LedgerFilter = {}): LedgerSummary {
    if (filter.merchantBizId === undefined && filter.merchantUserId === undefined) return { ...this.#totals };
    return this.entries(filter).reduce(add, { billed: 0, passed: 0, risk: 0 });
  }

  /** Forgets every entry and total. */
  clear(): void {
    this.#entries.length = 0;
    this.#totals = { billed: 0, passed: 0, risk: 0 };
  }
}

function add(summary: LedgerSummary, entry: LedgerEntry): LedgerSummary {
  return {
    billed: summary.billed + 1,
    passed: summary.passed + (entry.subCode === "200" ? 1 : 0),
    risk: summary.risk + (entry.subCode === "205" ? 1 : 0),
  };
}

function matches(entry: LedgerEntry, filter: LedgerFilter): boolean {
  return (
    (filter.merchantBizId === undefined || entry.merchantBizId === filter.merchantBizId) &&
    (filter.merchantUserId === undefined || entry.merchantUserId === filter.merchantUserId)
  );
}
