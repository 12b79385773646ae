interface QueuedJob {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Runs CPU-heavy jobs (decoding and measuring a picture) one at a time, in the order they were queued, each
 * in its own turn of Node's event loop (`setImmediate`, after the loop has polled its sockets).
 *
 * Why: a job started from a promise continuation runs inside a microtask drain, and Node drains microtasks
 * after every accepted connection and every socket read. With the decodes there, 100 new connections waited
 * in the kernel's accept queue, drained at 3-4 a second (seen with `ss`), while requests already inside were
 * served: at 100 concurrent calls some waited 10-15 s while most took 1 s. Here the loop polls between two
 * jobs, and a request waits only behind the jobs queued before it: first come, first served.
 *
 * Where `setImmediate` exists (Node, Bun) only: a Worker has none, and there a job queued by one request
 * must not run in the context of another.
 */
export class FifoWorkQueue {
  /** Whether this runtime has the event-loop turn the queue needs (`setImmediate`). */
  static get supported(): boolean {
    return typeof globalThis.setImmediate === "function";
  }

  readonly #jobs: QueuedJob[] = [];
  #running = false;

  constructor() {
    if (!FifoWorkQueue.supported) throw new TypeError("FifoWorkQueue needs setImmediate (Node or Bun)");
  }

  /** Jobs waiting, not counting the one running. */
  get waiting(): number {
    return this.#jobs.length;
  }

  /** Queues a job; resolves (or rejects) with its result once it has run. A failing job stops nothing else. */
  run<T>(job: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#jobs.push({ run: job, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#running) {
        this.#running = true;
        setImmediate(() => this.#runNext());
      }
    });
  }

  #runNext(): void {
    // At most one job per request in flight waits here, so shift() stays cheap.
    const job = this.#jobs.shift();
    if (!job) {
      this.#running = false;
      return;
    }
    let outcome: Promise<unknown>;
    try {
      outcome = Promise.resolve(job.run());
    } catch (error) {
      outcome = Promise.reject(error);
    }
    outcome.then(job.resolve, job.reject).finally(() => setImmediate(() => this.#runNext()));
  }
}
