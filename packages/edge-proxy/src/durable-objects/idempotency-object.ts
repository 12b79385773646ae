import { DurableObject } from "cloudflare:workers";
import type { ProxyEnv } from "../env.js";

const KEY = "record";

/**
 * An answer as the object keeps it: opaque text (the serialised answer), since the object only
 * stores and locks and never reads what it keeps.
 */
export type StoredAnswer = string;

/** What a request learns when it asks to run a `MerchantBizId`. */
export type IdempotencyBegin =
  /** Nobody ran it (or the last run failed unbilled): this request runs, and must `finish` with the lease. */
  | { kind: "run"; leaseId: string }
  /** Ran before and was billed: here is the stored answer. */
  | { kind: "stored"; answer: StoredAnswer }
  /** A concurrent identical request was running; this request waited and shares its answer. */
  | { kind: "shared"; answer: StoredAnswer }
  /** The same `MerchantBizId` with a different body. */
  | { kind: "conflict" }
  /** The `MerchantBizId` belongs to another caller of the deployment. */
  | { kind: "taken" }
  /** Still running elsewhere and this request could not wait for it (e.g. the object was restarted). */
  | { kind: "busy"; retryAfterMs: number };

/** What became of a run's answer: kept, released, or a late answer of a run that lost its lease. */
export type IdempotencyFinish = "kept" | "released" | "late_kept" | "late_ignored";

/** What a server-side lookup finds. */
export type IdempotencyLookup =
  | { kind: "done"; answer: StoredAnswer; expiresAt: number }
  | { kind: "running" }
  | { kind: "none" };

type IdempotencyRecord =
  | {
      status: "running";
      owner: string;
      fingerprint: string;
      leaseId: string;
      leaseUntil: number;
      /** How long a billed answer is kept; a running record is kept as long past its lease. */
      keepMs: number;
    }
  | { status: "done"; owner: string; fingerprint: string; answer: StoredAnswer; expiresAt: number };

interface InFlight {
  promise: Promise<StoredAnswer>;
  resolve: (answer: StoredAnswer) => void;
}

/**
 * One `MerchantBizId` of the deployment, owned by the caller that used it first. The first request runs;
 * concurrent duplicates wait in memory for its answer; a billed answer is kept until its time is up (then
 * an alarm deletes it). Only answers are stored, never a request or an image.
 */
export class IdempotencyObject extends DurableObject<ProxyEnv> {
  #record: IdempotencyRecord | undefined;
  #inFlight: InFlight | undefined;

  constructor(ctx: DurableObjectState, env: ProxyEnv) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      this.#record = await ctx.storage.get<IdempotencyRecord>(KEY);
    });
  }

  /**
   * Claims the key for `owner`'s request whose body has `fingerprint`. `leaseMs` bounds how long a run may
   * hold the key before another request may take over (a run whose Worker died never finishes); the
   * caller's work must end within it. `keepMs` is how long a billed answer will be kept.
   */
  async begin(
    owner: string,
    fingerprint: string,
    leaseMs: number,
    keepMs: number,
  ): Promise<IdempotencyBegin> {
    const now = Date.now();
    const record = this.#current(now);
    if (record !== undefined && record.owner !== owner) return { kind: "taken" };
    if (record?.status === "done") {
      return record.fingerprint === fingerprint
        ? { kind: "stored", answer: record.answer }
        : { kind: "conflict" };
    }
    if (record?.status === "running" && record.leaseUntil > now) {
      if (record.fingerprint !== fingerprint) return { kind: "conflict" };
      const inFlight = this.#inFlight;
      // After a restart the waiters' promise is gone; the running request will still finish.
      if (!inFlight) return { kind: "busy", retryAfterMs: record.leaseUntil - now };
      const answer = await waitAtMost(inFlight.promise, record.leaseUntil - now);
      return answer ? { kind: "shared", answer } : { kind: "busy", retryAfterMs: 1_000 };
    }
    const leaseId = crypto.randomUUID();
    let resolve: (answer: StoredAnswer) => void = () => {};
    const promise = new Promise<StoredAnswer>((r) => {
      resolve = r;
    });
    // Memory first, before any await: a duplicate arriving now already sees the run.
    this.#record = { status: "running", owner, fingerprint, leaseId, leaseUntil: now + leaseMs, keepMs };
    this.#inFlight = { promise, resolve };
    await this.ctx.storage.put(KEY, this.#record);
    await this.ctx.storage.setAlarm(forgetAt(this.#record));
    return { kind: "run", leaseId };
  }

  /**
   * Ends a run: waiters get `answer`; with `keepMs > 0` (a billed answer) it is replayed for that long,
   * otherwise the key is released so a later retry runs again. A run that lost its lease still has its
   * billed answer kept, unless another billed answer is already kept (`late_ignored`): a billed decision
   * is never dropped.
   */
  async finish(
    leaseId: string,
    answer: StoredAnswer,
    keepMs: number,
    run: { owner: string; fingerprint: string },
  ): Promise<IdempotencyFinish> {
    const record = this.#current(Date.now());
    const mine = record?.status === "running" && record.leaseId === leaseId;
    if (!mine) {
      if (keepMs <= 0) return "released";
      if (record?.status === "done") return "late_ignored";
      // A run that took over after the lease shares this answer with its waiters: it is the billed one.
      const inFlight = this.#inFlight;
      this.#inFlight = undefined;
      await this.#keep(run.owner, run.fingerprint, answer, keepMs);
      inFlight?.resolve(answer);
      return "late_kept";
    }
    const inFlight = this.#inFlight;
    this.#inFlight = undefined;
    if (keepMs > 0) {
      await this.#keep(record.owner, record.fingerprint, answer, keepMs);
    } else {
      this.#record = undefined;
      await this.ctx.storage.deleteAlarm();
      await this.ctx.storage.deleteAll();
    }
    inFlight?.resolve(answer);
    return keepMs > 0 ? "kept" : "released";
  }

  /** The kept answer, for a server-side lookup: never starts or waits for a run. */
  async lookup(): Promise<IdempotencyLookup> {
    const record = this.#current(Date.now());
    if (record === undefined) return { kind: "none" };
    return record.status === "done"
      ? { kind: "done", answer: record.answer, expiresAt: record.expiresAt }
      : { kind: "running" };
  }

  /**
   * Forgets an answer whose time is up. A running record is forgotten only `keepMs` after its lease: long
   * after any run could still be going, so its late billed answer always finds the key (and its owner).
   */
  override async alarm(): Promise<void> {
    const record = this.#record;
    const until = record === undefined ? 0 : forgetAt(record);
    if (until > Date.now()) {
      await this.ctx.storage.setAlarm(until);
      return;
    }
    this.#record = undefined;
    this.#inFlight = undefined;
    await this.ctx.storage.deleteAll();
  }

  /** The record, unless it is a kept answer whose time is up (its alarm may not have run yet). */
  #current(now: number): IdempotencyRecord | undefined {
    const record = this.#record;
    return record?.status === "done" && record.expiresAt <= now ? undefined : record;
  }

  async #keep(owner: string, fingerprint: string, answer: StoredAnswer, keepMs: number): Promise<void> {
    const expiresAt = Date.now() + keepMs;
    this.#record = { status: "done", owner, fingerprint, answer, expiresAt };
    await this.ctx.storage.put(KEY, this.#record);
    await this.ctx.storage.setAlarm(expiresAt);
  }
}

function forgetAt(record: IdempotencyRecord): number {
  return record.status === "done" ? record.expiresAt : record.leaseUntil + record.keepMs;
}

/** Resolves with the promise's value, or `undefined` after `ms`. */
async function waitAtMost<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    if (timer !== null) clearTimeout(timer);
  }
}
