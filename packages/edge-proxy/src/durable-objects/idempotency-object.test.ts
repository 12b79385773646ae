import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const KEEP = 60_000;
const RUN = { owner: "key:test", fingerprint: "fp" };

function key() {
  const stub = env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName(`test-${crypto.randomUUID()}`));
  return {
    stub,
    begin: (fingerprint = "fp", leaseMs = 10_000, owner = "key:test") =>
      stub.begin(owner, fingerprint, leaseMs, KEEP),
    finish: (leaseId: string, answer: string, keepMs: number, run = RUN) =>
      stub.finish(leaseId, answer, keepMs, run),
  };
}

async function run(k: ReturnType<typeof key>, fingerprint = "fp", leaseMs = 10_000): Promise<string> {
  const begun = await k.begin(fingerprint, leaseMs);
  if (begun.kind !== "run") throw new Error(`expected to run, got ${begun.kind}`);
  return begun.leaseId;
}

describe("IdempotencyObject", () => {
  it("lets the first request run and replays its kept answer to the next", async () => {
    const k = key();
    const lease = await run(k);
    expect(await k.finish(lease, '{"status":200}', KEEP)).toBe("kept");
    expect(await k.begin()).toEqual({ kind: "stored", answer: '{"status":200}' });
  });

  it("makes concurrent duplicates wait for the running request and share its answer", async () => {
    const k = key();
    const lease = await run(k);
    const waiting = [k.begin(), k.begin()];
    // Separate calls may be delivered in any order; give the waiters time to arrive before finishing.
    await scheduler.wait(50);
    await k.finish(lease, '{"status":200}', KEEP);
    expect(await Promise.all(waiting)).toEqual([
      { kind: "shared", answer: '{"status":200}' },
      { kind: "shared", answer: '{"status":200}' },
    ]);
  });

  it("answers a conflict for a different fingerprint, running or done", async () => {
    const k = key();
    const lease = await run(k);
    expect(await k.begin("other")).toEqual({ kind: "conflict" });
    await k.finish(lease, "{}", KEEP);
    expect(await k.begin("other")).toEqual({ kind: "conflict" });
  });

  it("belongs to the first owner: any other caller is refused, running or done, same body or not", async () => {
    const k = key();
    const lease = await run(k);
    expect(await k.begin("fp", 10_000, "key:other")).toEqual({ kind: "taken" });
    expect(await k.begin("other", 10_000, "token:alice")).toEqual({ kind: "taken" });
    await k.finish(lease, "{}", KEEP);
    expect(await k.begin("fp", 10_000, "key:other")).toEqual({ kind: "taken" });
    expect(await k.begin()).toEqual({ kind: "stored", answer: "{}" });
  });

  it("releases the key when the answer is not kept (an unbilled failure), after sharing it", async () => {
    const k = key();
    const lease = await run(k);
    const waiter = k.begin();
    await scheduler.wait(50);
    expect(await k.finish(lease, '{"status":503}', 0)).toBe("released");
    expect(await waiter).toEqual({ kind: "shared", answer: '{"status":503}' });
    // Released: nobody owns it any more.
    expect((await k.begin("fp", 10_000, "key:other")).kind).toBe("run");
  });

  it("ignores an unbilled finish with a stale lease", async () => {
    const k = key();
    const lease = await run(k);
    expect(await k.finish("not-the-lease", '{"status":503}', 0)).toBe("released");
    expect(await k.begin("other")).toEqual({ kind: "conflict" });
    await k.finish(lease, '{"status":201}', KEEP);
    expect(await k.begin()).toEqual({ kind: "stored", answer: '{"status":201}' });
  });

  it("lets the same owner take over a lease whose runner vanished", async () => {
    const k = key();
    await run(k, "fp", 1);
    await scheduler.wait(5);
    expect((await k.begin()).kind).toBe("run");
  });

  it("keeps a late billed answer whatever happened to the lease, and gives it to the run that took over", async () => {
    const k = key();
    const slow = await run(k, "fp", 1);
    await scheduler.wait(5);
    const takeover = await run(k);
    const waiter = k.begin();
    await scheduler.wait(50);
    // The slow run was billed after all: its answer is the one kept, the waiters of the new run get it too.
    expect(await k.finish(slow, '{"transactionId":"late"}', KEEP)).toBe("late_kept");
    expect(await waiter).toEqual({ kind: "shared", answer: '{"transactionId":"late"}' });
    expect(await k.finish(takeover, '{"transactionId":"second"}', KEEP)).toBe("late_ignored");
    expect(await k.begin()).toEqual({ kind: "stored", answer: '{"transactionId":"late"}' });
  });

  it("never forgets a running record at its lease: an alarm then keeps it, and a late billed finish is kept", async () => {
    const k = key();
    const lease = await run(k, "fp", 1);
    await scheduler.wait(5);
    await runDurableObjectAlarm(k.stub);
    const kept = await runInDurableObject(k.stub, async (_instance, state) => state.storage.get("record"));
    expect(kept).toMatchObject({ status: "running", owner: "key:test", leaseId: lease });
    expect(await k.finish(lease, '{"transactionId":"t1"}', KEEP)).toBe("kept");
    expect(await k.begin()).toEqual({ kind: "stored", answer: '{"transactionId":"t1"}' });
  });

  it("forgets a running record only long after its lease (keepMs past it)", async () => {
    const k = key();
    const begun = await k.stub.begin("key:test", "fp", 1, 1);
    if (begun.kind !== "run") throw new Error("expected to run");
    await scheduler.wait(10);
    await runDurableObjectAlarm(k.stub);
    expect(await k.stub.lookup()).toEqual({ kind: "none" });
    // Even then, a late billed answer is kept.
    expect(await k.stub.finish(begun.leaseId, "{}", KEEP, RUN)).toBe("late_kept");
    expect((await k.stub.lookup()).kind).toBe("done");
  });

  it("looks up without running: none, running, then the kept answer", async () => {
    const k = key();
    expect(await k.stub.lookup()).toEqual({ kind: "none" });
    const lease = await run(k);
    expect(await k.stub.lookup()).toEqual({ kind: "running" });
    await k.finish(lease, '{"status":200}', KEEP);
    expect(await k.stub.lookup()).toEqual({
      kind: "done",
      answer: '{"status":200}',
      expiresAt: expect.any(Number),
    });
  });

  it("stores nothing but the owner, the fingerprint and the answer; an early alarm keeps it", async () => {
    const k = key();
    const lease = await run(k, "fingerprint-hash");
    await k.finish(lease, '{"transactionId":"t1"}', KEEP, { ...RUN, fingerprint: "fingerprint-hash" });
    const stored = await runInDurableObject(k.stub, async (_instance, state) => [
      ...(await state.storage.list()).values(),
    ]);
    expect(stored).toEqual([
      {
        status: "done",
        owner: "key:test",
        fingerprint: "fingerprint-hash",
        answer: '{"transactionId":"t1"}',
        expiresAt: expect.any(Number),
      },
    ]);
    expect(await runDurableObjectAlarm(k.stub)).toBe(true);
    expect((await k.begin("fingerprint-hash")).kind).toBe("stored");
  });

  it("forgets an answer whose time is up", async () => {
    const k = key();
    const lease = await run(k);
    await k.finish(lease, "{}", 1);
    await scheduler.wait(20);
    expect((await k.begin("fp", 10_000, "key:other")).kind).toBe("run");
    const stored = await runInDurableObject(
      k.stub,
      async (_instance, state) => (await state.storage.list()).size,
    );
    expect(stored).toBe(1);
  });
});
