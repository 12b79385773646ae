import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCapped } from "./read-capped.js";

/** A stream of `chunks`, recording how many were pulled and whether it was cancelled. */
function streamOf(chunks: Uint8Array[]) {
  const log = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[log.pulled++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      log.cancelled = true;
    },
  });
  return { stream, log };
}

describe("readCapped", () => {
  it("joins the chunks of a stream within the cap, in order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), async (chunks) => {
        const all = Uint8Array.from(chunks.flatMap((chunk) => [...chunk]));
        const { stream } = streamOf(chunks);
        expect(await readCapped(stream, all.length)).toEqual(all);
      }),
      { numRuns: 100 },
    );
  });

  it("stops at the first chunk past the cap and cancels the rest", async () => {
    const { stream, log } = streamOf([
      new Uint8Array(6),
      new Uint8Array(6),
      new Uint8Array(6),
      new Uint8Array(6),
    ]);
    expect(await readCapped(stream, 10)).toBeUndefined();
    expect(log.cancelled).toBe(true);
    expect(log.pulled).toBeLessThan(4);
  });

  it("refuses a declared length over the cap unread, and ignores one that is not a plain number", async () => {
    const over = streamOf([new Uint8Array(3)]);
    expect(await readCapped(over.stream, 10, "11")).toBeUndefined();
    expect(over.log).toEqual({ pulled: 0, cancelled: true });
    const odd = streamOf([new Uint8Array(3)]);
    expect(await readCapped(odd.stream, 10, "1e9")).toEqual(new Uint8Array(3));
  });

  it("reads no stream as empty and passes a stream's failure on", async () => {
    expect(await readCapped(null, 10)).toEqual(new Uint8Array(0));
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError("connection reset"));
      },
    });
    await expect(readCapped(broken, 10)).rejects.toThrow("connection reset");
  });
});
