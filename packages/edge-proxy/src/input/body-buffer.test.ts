import { seededBytes } from "@liveness-kit/core/bytes";
import { describe, expect, it } from "vitest";
import { bodyBuffer } from "./body-buffer.js";

/** A byte stream (as the runtime's request bodies are) that sends `bytes` in pieces of `piece` bytes. */
function byteStream(bytes: Uint8Array, piece: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    type: "bytes",
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        controller.byobRequest?.respond(0);
        return;
      }
      const end = Math.min(bytes.length, at + piece);
      controller.enqueue(bytes.slice(at, end));
      at = end;
    },
  });
}

/** A default (not byte) stream, as a test builds one in JavaScript. */
function defaultStream(bytes: Uint8Array, piece: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const end = Math.min(bytes.length, at + piece);
      controller.enqueue(bytes.slice(at, end));
      at = end;
    },
  });
}

async function readAll(
  buffer: ReturnType<typeof bodyBuffer>,
): Promise<{ bytes: Uint8Array; counted: number }> {
  let counted = 0;
  for (let chunk = await buffer.read(); !chunk.done; chunk = await buffer.read())
    counted += chunk.value.byteLength;
  return { bytes: buffer.bytes(), counted };
}

describe("bodyBuffer", () => {
  const body = seededBytes(200_000, 5);

  for (const [name, declared] of [
    ["its declared length", body.length],
    ["a declared length too small (the buffer grows)", 1_000],
    ["no declared length", undefined],
  ] as const) {
    it(`gathers a byte stream with ${name}, every byte in order`, async () => {
      for (const piece of [1, 4_096, 70_000, 300_000]) {
        const { bytes, counted } = await readAll(bodyBuffer(byteStream(body, piece), declared, 1_000_000));
        expect(counted).toBe(body.length);
        expect(bytes).toEqual(body);
      }
    });
  }

  it("gathers a stream that is not a byte stream through a default reader", async () => {
    const { bytes, counted } = await readAll(bodyBuffer(defaultStream(body, 3_000), body.length, 1_000_000));
    expect(counted).toBe(body.length);
    expect(bytes).toEqual(body);
  });

  it("keeps at most `capacity` bytes and still counts what comes after (a refused body being drained)", async () => {
    const { bytes, counted } = await readAll(bodyBuffer(byteStream(body, 10_000), undefined, 50_001));
    expect(counted).toBe(body.length);
    expect(bytes.length).toBe(50_001);
    expect(bytes).toEqual(body.subarray(0, 50_001));
  });

  it("gives an empty body for an empty stream", async () => {
    const { bytes, counted } = await readAll(bodyBuffer(byteStream(new Uint8Array(0), 10), 0, 100));
    expect([counted, bytes.length]).toEqual([0, 0]);
  });
});
