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
  /** Still running elsewhere and this request could not wait for it (e.g. the object was restarted). */
  | { kind: "busy"; retryAfterMs: number };

type IdempotencyRecord =
  | { status: "running"; fingerprint: string; leaseId: string; leaseUntil: number }
  | { status: "done"; fingerprint: string; answer: StoredAnswer; expiresAt: number };

interface InFlight {
  promise: Promise<StoredAnswer>;
  resolve: (answer: StoredAnswer) => void;
}

/**
 * One `MerchantBizId` of one caller. The first request runs; concurrent duplicates wait in memory for
 * its answer; a billed answer is kept until its time is up (then an alarm deletes it). Only answers
 * are stored, never a request or an image.
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
   * Claims the key for a request whose body has `fingerprint`. `leaseMs` bounds how long a run may hold
   * the key before another request may take over (a run whose Worker died never finishes).
   */
  async begin(fingerprint: string, leaseMs: number): Promise<IdempotencyBegin> {
    const now = Date.now();
    const record = this.#record;
    if (record?.status === "done" && record.expiresAt > now) {
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
    this.#record = { status: "running", fingerprint, leaseId, leaseUntil: now + leaseMs };
    this.#inFlight = { promise, resolve };
    await this.ctx.storage.put(KEY, this.#record);
    // Cleans up if the running Worker dies and nobody ever comes back for this key.
    await this.ctx.storage.setAlarm(now + leaseMs);
    return { kind: "run", leaseId };
  }

  /**
   * Ends a run: waiters get `answer`; with `keepMs > 0` (a billed answer) it is replayed for that long,
   * otherwise the key is released so a later retry runs again. A stale lease changes nothing.
   */
  async finish(leaseId: string, answer: StoredAnswer, keepMs: number): Promise<void> {
    const record = this.#record;
    if (record?.status !== "running" || record.leaseId !== leaseId) return;
    const inFlight = this.#inFlight;
    this.#inFlight = undefined;
    if (keepMs > 0) {
      const expiresAt = Date.now() + keepMs;
      this.#record = { status: "done", fingerprint: record.fingerprint, answer, expiresAt };
      await this.ctx.storage.put(KEY, this.#record);
      await this.ctx.storage.setAlarm(expiresAt);
    } else {
      this.#record = undefined;
      await this.ctx.storage.deleteAlarm();
      await this.ctx.storage.deleteAll();
    }
    inFlight?.resolve(answer);
  }

  /** Forgets an answer whose time is up, or a run whose Worker never finished. */
  override async alarm(): Promise<void> {
    const record = this.#record;
    const now = Date.now();
    const until = record === undefined ? 0 : record.status === "done" ? record.expiresAt : record.leaseUntil;
    if (until > now) {
      await this.ctx.storage.setAlarm(until);
      return;
    }
    this.#record = undefined;
    this.#inFlight = undefined;
    await this.ctx.storage.deleteAll();
  }
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
