import { describe, expect, it } from "vitest";
import { discardBody } from "./discard-body.js";
import { TimedReader } from "./timed-reader.js";

/** `chunks` chunks of `size` bytes, then the end; counts pulls and whether it was cancelled. */
function countedStream(chunks: number, size: number) {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { reader: new TimedReader(stream.getReader()), pulled: () => pulled, cancelled: () => cancelled };
}

const roomy = { maxBytes: 1_000_000, maxMs: 5_000, idleMs: 5_000 };

describe("discardBody", () => {
  it("reads a body to its end and counts what it threw away", async () => {
    const { reader, pulled, cancelled } = countedStream(5, 100);
    expect(await discardBody(reader, roomy)).toEqual({ bytes: 500, stoppedBy: "end" });
    expect(pulled()).toBe(5);
    expect(cancelled()).toBe(false);
  });

  it("stops after its byte cap and cancels the rest", async () => {
    const { reader, pulled, cancelled } = countedStream(1_000, 100);
    const outcome = await discardBody(reader, { ...roomy, maxBytes: 1_000 });
    expect(outcome.stoppedBy).toBe("bytes");
    expect(pulled()).toBeLessThanOrEqual(13);
    expect(cancelled()).toBe(true);
  });

  it("stops when the client pauses longer than idleMs", async () => {
    let cancelled = false;
    const reader = new TimedReader(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(10));
        },
        cancel() {
          cancelled = true;
        },
      }).getReader(),
    );
    expect(await discardBody(reader, { ...roomy, idleMs: 30 })).toEqual({ bytes: 10, stoppedBy: "idle" });
    expect(cancelled).toBe(true);
  });

  it("stops at maxMs even when the client never pauses that long", async () => {
    let pulled = 0;
    const reader = new TimedReader(
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          pulled++;
          controller.enqueue(new Uint8Array(1));
        },
      }).getReader(),
    );
    const outcome = await discardBody(reader, { ...roomy, maxMs: 60, idleMs: 1_000 });
    expect(outcome.stoppedBy).toBe("time");
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(1_000);
  });

  it("does nothing but cancel when maxMs is 0", async () => {
    const { reader, pulled, cancelled } = countedStream(10, 10);
    expect(await discardBody(reader, { ...roomy, maxMs: 0 })).toEqual({ bytes: 0, stoppedBy: "time" });
    expect(pulled()).toBeLessThanOrEqual(1);
    expect(cancelled()).toBe(true);
  });

  it("never throws when the body fails", async () => {
    const reader = new TimedReader(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.error(new Error("Network connection lost."));
        },
      }).getReader(),
    );
    expect(await discardBody(reader, roomy)).toEqual({ bytes: 0, stoppedBy: "error" });
  });
});
