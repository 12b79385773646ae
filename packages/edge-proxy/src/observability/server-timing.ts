/**
 * Collects the durations of one request's phases (validate, sign, upstream, ...) for the
 * `Server-Timing` header and the log line. Durations of the same name add up (e.g. one `sign` per try).
 */
export class ServerTiming {
  readonly #entries = new Map<string, number>();

  /** Adds `ms` to the phase `name`. */
  add(name: string, ms: number): void {
    this.#entries.set(name, (this.#entries.get(name) ?? 0) + Math.max(0, ms));
  }

  /** Runs `work` and adds its duration to `name`, whether it succeeds or throws. */
  async measure<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(name, performance.now() - started);
    }
  }

  /** The phases as `{ name: milliseconds }`, rounded to 0.1 ms. */
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.#entries].map(([name, ms]) => [name, Math.round(ms * 10) / 10]));
  }

  /** The `Server-Timing` header value, e.g. `validate;dur=1.2, sign;dur=0.3, upstream;dur=41`. */
  header(): string {
    return Object.entries(this.toJSON())
      .map(([name, ms]) => `${name};dur=${ms}`)
      .join(", ");
  }
}
