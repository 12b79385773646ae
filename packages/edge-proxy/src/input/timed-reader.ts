/** One chunk of a body, or the end of it. */
export type BodyChunk = ReadableStreamReadResult<Uint8Array>;

/**
 * A body reader whose reads may give up after a wait without losing data: a read that timed out stays
 * in flight, and the next `read` takes its result. So there is never more than one read at a time, which
 * workerd's request bodies require (a second concurrent read fails), and no chunk is ever skipped.
 *
 * One timer serves every read: it is armed when a read starts and none is armed early enough, and when it
 * fires before the waiting read's time is up it is armed again for the rest. A fast upload of hundreds of
 * chunks so sets one timer, not one per chunk (timers cost CPU in workerd). It is cleared at the body's end,
 * on a failed read and on `cancel`.
 */
/** What a TimedReader reads from: a stream's default reader, or a `BodyBuffer`. */
export interface ChunkSource {
  read(): Promise<BodyChunk>;
  cancel(): Promise<void>;
}

export class TimedReader {
  readonly #reader: ChunkSource;
  #inFlight: Promise<BodyChunk> | undefined;
  /** When the waiting read gives up (ms since the epoch). */
  #due = 0;
  /** Resolves the waiting read's timeout; undefined while no read waits. */
  #giveUp: ((value: undefined) => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(reader: ChunkSource) {
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
    this.#due = Date.now() + Math.max(0, waitMs);
    if (this.#timerAt > this.#due) this.#arm(this.#due);
    const timeout = new Promise<undefined>((resolve) => {
      this.#giveUp = resolve;
    });
    try {
      const chunk = await Promise.race([inFlight, timeout]);
      if (chunk !== undefined) this.#inFlight = undefined;
      if (chunk?.done) this.#disarm();
      return chunk;
    } catch (error) {
      this.#inFlight = undefined;
      this.#disarm();
      throw error;
    } finally {
      this.#giveUp = undefined;
    }
  }

  /** Stops reading: the rest of the upload is refused (never throws). */
  async cancel(): Promise<void> {
    this.#disarm();
    await this.#reader.cancel().catch(() => {});
  }

  #arm(at: number): void {
    this.#disarm();
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, at - Date.now()));
  }

  #disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
  }

  #fire(): void {
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    // No read waits: the next one arms the timer again.
    if (this.#giveUp === undefined) return;
    if (Date.now() >= this.#due) this.#giveUp(undefined);
    else this.#arm(this.#due);
  }
}
