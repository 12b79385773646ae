import { describe, expect, it } from "vitest";
import { FifoWorkQueue } from "./fifo-work-queue.js";

describe("FifoWorkQueue", () => {
  it("runs jobs one at a time, in the order they were queued", async () => {
    const queue = new FifoWorkQueue();
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`start ${name}`);
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run(job("a")), queue.run(job("b")), queue.run(job("c"))]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("lets the event loop run between two jobs, and never runs a job in the caller's turn", async () => {
    const queue = new FifoWorkQueue();
    const events: string[] = [];
    const first = queue.run(() => {
      events.push("job 1");
      // Queued from inside job 1: a macrotask must get its turn before job 2 starts.
      setImmediate(() => events.push("macrotask"));
    });
    const second = queue.run(() => {
      events.push("job 2");
    });
    events.push("caller");
    await Promise.all([first, second]);
    expect(events).toEqual(["caller", "job 1", "macrotask", "job 2"]);
  });

  it("rejects only the job that failed (thrown or rejected) and goes on with the next", async () => {
    const queue = new FifoWorkQueue();
    const thrown = queue.run(() => {
      throw new Error("sync failure");
    });
    const rejected = queue.run(() => Promise.reject(new Error("async failure")));
    const fine = queue.run(() => 42);
    await expect(thrown).rejects.toThrow("sync failure");
    await expect(rejected).rejects.toThrow("async failure");
    await expect(fine).resolves.toBe(42);
  });

  it("counts the jobs waiting, and starts again after running dry", async () => {
    const queue = new FifoWorkQueue();
    const one = queue.run(() => 1);
    const two = queue.run(() => 2);
    expect(queue.waiting).toBe(2);
    await Promise.all([one, two]);
    expect(queue.waiting).toBe(0);
    await expect(queue.run(() => 3)).resolves.toBe(3);
  });
});
