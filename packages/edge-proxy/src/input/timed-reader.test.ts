import { describe, expect, it, vi } from "vitest";
import { TimedReader } from "./timed-reader.js";

/**
 * A reader like workerd's request bodies: a second read while one is in flight fails. Each read resolves
 * when `deliver` is called.
 */
function strictReader() {
  let waiting: ((chunk: ReadableStreamReadResult<Uint8Array>) => void) | undefined;
  let reads = 0;
  const reader = {
    read: () => {
      if (waiting !== undefined) return Promise.reject(new TypeError("a read is already in flight"));
      reads++;
      return new Promise<ReadableStreamReadResult<Uint8Array>>((resolve) => {
        waiting = resolve;
      });
    },
    cancel: async () => {},
  } as unknown as ReadableStreamDefaultReader<Uint8Array>;
  const deliver = (byte: number) => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.({ done: false, value: new Uint8Array([byte]) });
  };
  return { reader, deliver, reads: () => reads };
}

describe("TimedReader", () => {
  it("gives the next chunk, then the end", async () => {
    const reader = new TimedReader(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array([1, 2]));
          controller.close();
        },
      }).getReader(),
    );
    const first = await reader.read(1_000);
    expect([...(first?.value ?? [])]).toEqual([1, 2]);
    expect((await reader.read(1_000))?.done).toBe(true);
  });

  it("gives up with undefined when nothing arrives in time", async () => {
    const reader = new TimedReader(new ReadableStream<Uint8Array>({ start() {} }).getReader());
    expect(await reader.read(20)).toBeUndefined();
    await reader.cancel();
  });

  it("keeps a read that timed out in flight: the next read gets its chunk, with one read at a time", async () => {
    const strict = strictReader();
    const reader = new TimedReader(strict.reader);
    expect(await reader.read(10)).toBeUndefined();
    expect(await reader.read(10)).toBeUndefined();
    const next = reader.read(1_000);
    strict.deliver(42);
    expect([...((await next)?.value ?? [])]).toEqual([42]);
    expect(strict.reads()).toBe(1);
    const after = reader.read(1_000);
    strict.deliver(43);
    expect([...((await after)?.value ?? [])]).toEqual([43]);
    expect(strict.reads()).toBe(2);
  });

  it("passes on a failed read", async () => {
    const reader = new TimedReader(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.error(new Error("gone"));
        },
      }).getReader(),
    );
    await expect(reader.read(1_000)).rejects.toThrow("gone");
  });

  it("sets one timer for a fast body of many chunks, and clears it at the end", async () => {
    const chunks = 200;
    let sent = 0;
    const reader = new TimedReader(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < chunks) controller.enqueue(new Uint8Array([sent & 255]));
          else controller.close();
        },
      }).getReader(),
    );
    const set = vi.spyOn(globalThis, "setTimeout");
    const cleared = vi.spyOn(globalThis, "clearTimeout");
    try {
      let read = 0;
      for (let chunk = await reader.read(1_000); chunk && !chunk.done; chunk = await reader.read(1_000))
        read++;
      expect(read).toBe(chunks);
      expect(set).toHaveBeenCalledTimes(1);
      expect(cleared).toHaveBeenCalledTimes(1);
    } finally {
      set.mockRestore();
      cleared.mockRestore();
    }
  });

  it("still gives up on time when the timer was armed for an earlier, longer wait", async () => {
    const strict = strictReader();
    const reader = new TimedReader(strict.reader);
    const first = reader.read(1_000);
    strict.deliver(1);
    await first;
    // The timer armed for the first read is due later than this read's 20 ms: it is armed again, earlier.
    const started = Date.now();
    expect(await reader.read(20)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(900);
    await reader.cancel();
  });

  it("re-arms when the timer fires before the waiting read's time is up", async () => {
    const strict = strictReader();
    const reader = new TimedReader(strict.reader);
    const first = reader.read(100);
    strict.deliver(1);
    await first;
    // The timer armed for the first read fires after about 100 ms, before this read's 150 ms are up.
    const started = Date.now();
    expect(await reader.read(150)).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    const next = reader.read(1_000);
    strict.deliver(7);
    expect([...((await next)?.value ?? [])]).toEqual([7]);
    await reader.cancel();
  });
});
