import { describe, expect, it } from "vitest";
import { ProxyError } from "../answers/proxy-error.js";
import type { BodyReadLimits } from "./body-read-limits.js";
import { readBoundedBody } from "./read-bounded-body.js";

/** Generous waits, so that only the bound a test is about can end a read. */
function limits(changes: Partial<BodyReadLimits> = {}): BodyReadLimits {
  return {
    maxBytes: 100,
    idleTimeoutMs: 5_000,
    deadlineMs: 10_000,
    drainMaxBytes: 1_000_000,
    drainMaxMs: 5_000,
    ...changes,
  };
}

function streamOf(chunks: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(7));
      controller.close();
    },
  });
}

/** A body of `chunks` chunks of `size` bytes, each after `gapMs`, that counts what was pulled from it. */
function pacedBody(chunks: number, size: number, gapMs = 0) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pulled === chunks) return controller.close();
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      pulled++;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { body, pulled: () => pulled };
}

/** A body that sends `chunks` chunks, then nothing more, without ever ending (a stalled client). */
function stalledBody(chunks: number, size: number) {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(size));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("https://proxy.test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function failure(promise: Promise<unknown>): Promise<ProxyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProxyError)) throw new Error(`expected a ProxyError, got ${String(error)}`);
  return error;
}

describe("readBoundedBody: size", () => {
  it("joins the chunks of a body within the limit", async () => {
    const body = await readBoundedBody(post(streamOf([3, 4, 5])), limits({ maxBytes: 12 }));
    expect(body.byteLength).toBe(12);
    expect(body.every((byte) => byte === 7)).toBe(true);
  });

  it("stops a streamed body that declares no length once it passes the limit", async () => {
    const error = await failure(readBoundedBody(post(streamOf([8, 8, 8])), limits({ maxBytes: 20 })));
    expect(error.status).toBe(413);
    expect(error.code).toBe("payload_too_large");
    expect(error.details).toEqual({ maxBytes: 20 });
  });

  it("refuses a declared Content-Length above the limit without keeping what it drains", async () => {
    const request = post("abc", { "content-length": "99999999" });
    await expect(readBoundedBody(request, limits({ maxBytes: 10 }))).rejects.toMatchObject({ status: 413 });
  });

  it("answers 400 incomplete_body when the body breaks off mid-stream", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(4));
        controller.error(new Error("Network connection lost."));
      },
    });
    const error = await failure(readBoundedBody(post(body), limits()));
    expect(error.status).toBe(400);
    expect(error.code).toBe("incomplete_body");
    expect(error.message).not.toContain("Network");
  });

  it("gives an empty body for a request without one", async () => {
    const request = new Request("https://proxy.test/", { method: "POST" });
    expect((await readBoundedBody(request, limits())).byteLength).toBe(0);
  });
});

describe("readBoundedBody: the drain before a 413 (lingering close)", () => {
  it("reads the rest of an over-limit body before refusing it, so the uploader reads the 413", async () => {
    const { body, pulled } = pacedBody(40, 1_000);
    const error = await failure(readBoundedBody(post(body), limits({ maxBytes: 5_000 })));
    expect(error.status).toBe(413);
    expect(pulled()).toBe(40);
  });

  it("drains a body whose declared length is over the limit too", async () => {
    const { body, pulled } = pacedBody(10, 1_000);
    const request = post(body, { "content-length": "10000" });
    const error = await failure(readBoundedBody(request, limits({ maxBytes: 5_000 })));
    expect(error.status).toBe(413);
    expect(pulled()).toBe(10);
  });

  it("drains no more than drainMaxBytes past the limit", async () => {
    const { body, pulled } = pacedBody(1_000, 1_000);
    await failure(readBoundedBody(post(body), limits({ maxBytes: 5_000, drainMaxBytes: 20_000 })));
    // 6 chunks pass the limit, then 20 are drained plus the one that passes the drain's cap.
    expect(pulled()).toBeGreaterThanOrEqual(26);
    expect(pulled()).toBeLessThanOrEqual(29);
  });

  it("does not drain at all when the drain is switched off", async () => {
    const { body, pulled } = pacedBody(1_000, 1_000);
    await failure(readBoundedBody(post(body), limits({ maxBytes: 5_000, drainMaxMs: 0 })));
    expect(pulled()).toBeLessThanOrEqual(8);
  });

  it("stops draining a client that stalls after passing the limit, and still answers 413", async () => {
    const { body, cancelled } = stalledBody(3, 100);
    const error = await failure(
      readBoundedBody(post(body), limits({ maxBytes: 150, idleTimeoutMs: 50, drainMaxMs: 5_000 })),
    );
    expect(error.status).toBe(413);
    expect(cancelled()).toBe(true);
  });
});

describe("readBoundedBody: time", () => {
  it("answers 408 body_timeout (retryable) when the body stalls longer than the idle timeout", async () => {
    const { body, cancelled } = stalledBody(1, 10);
    const error = await failure(readBoundedBody(post(body), limits({ idleTimeoutMs: 50 })));
    expect(error.status).toBe(408);
    expect(error.code).toBe("body_timeout");
    expect(error.retryable).toBe(true);
    expect(error.details).toEqual({ reason: "idle", limitMs: 50 });
    expect(cancelled()).toBe(true);
  });

  it("answers 408 when a declared Content-Length is never reached", async () => {
    const { body } = stalledBody(1, 10);
    const request = post(body, { "content-length": "50" });
    const error = await failure(readBoundedBody(request, limits({ idleTimeoutMs: 50 })));
    expect(error).toMatchObject({ status: 408, code: "body_timeout" });
  });

  it("answers 408 at the deadline a body that keeps trickling in, then drains it", async () => {
    // A chunk every 10 ms never meets the 2 s idle timeout; the 100 ms deadline ends the read.
    const { body, pulled } = pacedBody(1_000_000, 1, 10);
    const error = await failure(
      readBoundedBody(
        post(body),
        limits({ maxBytes: 1_000_000, idleTimeoutMs: 2_000, deadlineMs: 100, drainMaxMs: 100 }),
      ),
    );
    expect(error.status).toBe(408);
    expect(error.details).toEqual({ reason: "deadline", limitMs: 100 });
    expect(error.message).toContain("100 ms");
    // Both bounds held: far from the million chunks the client would have sent.
    expect(pulled()).toBeLessThan(1_000);
  });

  it("lets a body with pauses shorter than the idle timeout through", async () => {
    const { body } = pacedBody(5, 10, 20);
    const read = await readBoundedBody(post(body), limits({ idleTimeoutMs: 2_000 }));
    expect(read.byteLength).toBe(50);
  });
});
