/** One chunk of a body, or the end of it. */
export type BodyChunk = ReadableStreamReadResult<Uint8Array>;

/**
 * A body reader whose reads may give up after a wait without losing data: a read that timed out stays
 * in flight, and the next `read` takes its result. So there is never more than one read at a time, which
 * workerd's request bodies require (a second concurrent read fails), and no chunk is ever skipped.
 */
export class TimedReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  #inFlight: Promise<BodyChunk> | undefined;

  constructor(reader: ReadableStreamDefaultReader<Uint8Array>) {
    this.#reader = reader;
  }

  /** The next chunk (or the end), or `undefined` when nothing arrived within `waitMs`. A failed read rejects. */
  async read(waitMs: number): Promise<BodyChunk | undefined> {
    if (this.#inFlight === undefined) {
      this.#inFlight = this.#reader.read();
      // A read left in flight may fail after nobody waits for it any more: not an unhandled rejection.
      this.#inFlight.catch(() => {});
    }
    const inFlight = this.#inFlight;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, waitMs));
    });
    try {
      const chunk = await Promise.race([inFlight, timeout]);
      if (chunk !== undefined) this.#inFlight = undefined;
      return chunk;
    } catch (error) {
      this.#inFlight = undefined;
      throw error;
    } finally {
      // One timer per chunk: cleared at once so a fast upload leaves none behind.
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  /** Stops reading: the rest of the upload is refused (never throws). */
  async cancel(): Promise<void> {
    await this.#reader.cancel().catch(() => {});
  }
}
