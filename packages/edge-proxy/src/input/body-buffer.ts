import { concatBytes } from "@liveness-kit/core/bytes";
import type { BodyChunk } from "./timed-reader.js";

/** Where a body's chunks come from and where they gather: what `readBoundedBody` reads through. */
export interface BodyBuffer {
  /** The next chunk (its bytes are kept here; read only its length), or the end. */
  read(): Promise<BodyChunk>;
  cancel(): Promise<void>;
  /** Every byte read so far, in order. */
  bytes(): Uint8Array;
}

/** Bytes read into a full buffer that is not grown further (a refused body being drained) go here. */
const SCRATCH_BYTES = 65_536;

/**
 * A body read with a BYOB reader straight into one buffer, sized by the declared length when there is one:
 * the runtime fills large views in few reads (an 800 KB upload into workerd: about 5 reads, against about 266
 * chunks of 4 KB from a default reader) and the bytes need no joining at the end. Without a declared length (or
 * when the body outgrows it) the buffer doubles, up to `capacity`; past that, reads land in a scratch buffer
 * and are only counted. Bodies whose stream is not a byte stream (one a test built in JavaScript) get
 * {@link chunkBodyBuffer} instead.
 */
export function bodyBuffer(
  body: ReadableStream<Uint8Array>,
  declared: number | undefined,
  capacity: number,
): BodyBuffer {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = body.getReader({ mode: "byob" });
  } catch {
    return chunkBodyBuffer(body.getReader());
  }
  // One byte more than declared, so a body longer than it shows without a second read first.
  let buffer = new ArrayBuffer(Math.min(capacity, declared === undefined ? SCRATCH_BYTES : declared + 1));
  let filled = 0;
  return {
    async read() {
      if (filled === buffer.byteLength && buffer.byteLength < capacity) {
        const grown = new Uint8Array(Math.min(capacity, buffer.byteLength * 2));
        grown.set(new Uint8Array(buffer, 0, filled));
        buffer = grown.buffer;
      }
      if (filled === buffer.byteLength) return reader.read(new Uint8Array(SCRATCH_BYTES));
      // The view's buffer moves into the read and comes back as the chunk's: keep that one.
      const chunk = await reader.read(new Uint8Array(buffer, filled));
      if (chunk.value) {
        buffer = chunk.value.buffer as ArrayBuffer;
        filled += chunk.value.byteLength;
      }
      return chunk.done
        ? { done: true, value: undefined }
        : { done: false, value: chunk.value as Uint8Array };
    },
    cancel: () => reader.cancel(),
    bytes: () => new Uint8Array(buffer, 0, filled),
  };
}

/** A body read chunk by chunk from a default reader, the chunks joined at the end. */
export function chunkBodyBuffer(reader: ReadableStreamDefaultReader<Uint8Array>): BodyBuffer {
  const chunks: Uint8Array[] = [];
  return {
    async read() {
      const chunk = await reader.read();
      if (!chunk.done) chunks.push(chunk.value);
      return chunk;
    },
    cancel: () => reader.cancel(),
    bytes: () => (chunks.length === 1 && chunks[0] ? chunks[0] : concatBytes(...chunks)),
  };
}
