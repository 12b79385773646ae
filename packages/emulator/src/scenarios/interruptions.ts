/**
 * The waits a scenario puts a request through (added latency, no answer), kept in one place so that shutting
 * the emulator down releases every one of them instead of leaving sockets open.
 */
export class Interruptions {
  readonly #pending = new Set<() => void>();
  #closed = false;

  /** Waits `ms`, or less when the client gives up (`signal`) or the emulator shuts down. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return this.#wait(signal, ms);
  }

  /** Waits until the client gives up (`signal`) or the emulator shuts down: the "no answer" scenario. */
  hang(signal?: AbortSignal): Promise<void> {
    return this.#wait(signal, undefined);
  }

  /** How many requests are waiting. */
  get pending(): number {
    return this.#pending.size;
  }

  /** Ends every wait now and every later one at once (on shutdown). */
  releaseAll(): void {
    this.#closed = true;
    for (const release of [...this.#pending]) release();
  }

  #wait(signal: AbortSignal | undefined, ms: number | undefined): Promise<void> {
    if (this.#closed || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const release = () => {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener("abort", release);
        this.#pending.delete(release);
        resolve();
      };
      this.#pending.add(release);
      signal?.addEventListener("abort", release, { once: true });
      if (ms !== undefined) timer = setTimeout(release, ms);
    });
  }
}
