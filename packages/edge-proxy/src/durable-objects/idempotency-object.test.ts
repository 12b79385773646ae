import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

function key() {
  return env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName(`test\n${crypto.randomUUID()}`));
}

describe("IdempotencyObject", () => {
  it("lets the first request run and replays its kept answer to the next", async () => {
    const stub = key();
    const first = await stub.begin("fp", 10_000);
    expect(first.kind).toBe("run");
    if (first.kind !== "run") return;
    await stub.finish(first.leaseId, '{"status":200}', 60_000);
    expect(await stub.begin("fp", 10_000)).toEqual({ kind: "stored", answer: '{"status":200}' });
  });

  it("makes concurrent duplicates wait for the running request and share its answer", async () => {
    const stub = key();
    const first = await stub.begin("fp", 10_000);
    if (first.kind !== "run") throw new Error("expected to run");
    const waiting = [stub.begin("fp", 10_000), stub.begin("fp", 10_000)];
    // Separate calls may be delivered in any order; give the waiters time to arrive before finishing.
    await scheduler.wait(50);
    await stub.finish(first.leaseId, '{"status":200}', 60_000);
    expect(await Promise.all(waiting)).toEqual([
      { kind: "shared", answer: '{"status":200}' },
      { kind: "shared", answer: '{"status":200}' },
    ]);
  });

  it("answers a conflict for a different fingerprint, running or done", async () => {
    const stub = key();
    const first = await stub.begin("fp", 10_000);
    if (first.kind !== "run") throw new Error("expected to run");
    expect(await stub.begin("other", 10_000)).toEqual({ kind: "conflict" });
    await stub.finish(first.leaseId, "{}", 60_000);
    expect(await stub.begin("other", 10_000)).toEqual({ kind: "conflict" });
  });

  it("releases the key when the answer is not kept (an unbilled failure), after sharing it", async () => {
    const stub = key();
    const first = await stub.begin("fp", 10_000);
    if (first.kind !== "run") throw new Error("expected to run");
    const waiter = stub.begin("fp", 10_000);
    await scheduler.wait(50);
    await stub.finish(first.leaseId, '{"status":503}', 0);
    expect(await waiter).toEqual({ kind: "shared", answer: '{"status":503}' });
    expect((await stub.begin("fp", 10_000)).kind).toBe("run");
  });

  it("ignores a finish with a stale lease", async () => {
    const stub = key();
    const first = await stub.begin("fp", 10_000);
    if (first.kind !== "run") throw new Error("expected to run");
    await stub.finish("not-the-lease", '{"status":200}', 60_000);
    expect(await stub.begin("other", 10_000)).toEqual({ kind: "conflict" });
    await stub.finish(first.leaseId, '{"status":201}', 60_000);
    expect(await stub.begin("fp", 10_000)).toEqual({ kind: "stored", answer: '{"status":201}' });
  });

  it("lets another request take over a lease whose runner vanished", async () => {
    const stub = key();
    expect((await stub.begin("fp", 1)).kind).toBe("run");
    await scheduler.wait(5);
    expect((await stub.begin("fp", 10_000)).kind).toBe("run");
  });

  it("stores nothing but the fingerprint and the answer; an early alarm keeps it", async () => {
    const stub = key();
    const first = await stub.begin("fingerprint-hash", 10_000);
    if (first.kind !== "run") throw new Error("expected to run");
    await stub.finish(first.leaseId, '{"transactionId":"t1"}', 60_000);
    const stored = await runInDurableObject(stub, async (_instance, state) => [
      ...(await state.storage.list()).values(),
    ]);
    expect(stored).toEqual([
      {
        status: "done",
        fingerprint: "fingerprint-hash",
        answer: '{"transactionId":"t1"}',
        expiresAt: expect.any(Number),
      },
    ]);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await stub.begin("fingerprint-hash", 10_000)).kind).toBe("stored");
  });

  it("forgets an answer whose time is up", async () => {
    const stub = key();
    const first = await stub.begin("fp", 10_000);
    if (first.kind !== "run") throw new Error("expected to run");
    await stub.finish(first.leaseId, "{}", 1);
    await scheduler.wait(20);
    expect((await stub.begin("fp", 10_000)).kind).toBe("run");
    const stored = await runInDurableObject(
      stub,
      async (_instance, state) => (await state.storage.list()).size,
    );
    expect(stored).toBe(1);
  });
});
