import { percentile } from "../bench/percentile.mjs";

/**
 * Collects the proxy's `Server-Timing` headers (`validate;dur=1.2, sign;dur=0.3, fetch;dur=41, total;dur=45`)
 * over a run, to show where a request's time went: `fetch` is the wait for the emulator, `total - fetch` the
 * proxy's own work and its queues (Durable Objects included).
 */
export class ServerTimingSample {
  /** @type {Map<string, number[]>} */
  #phases = new Map();

  /**
   * Adds one answer's header; a missing or malformed one is skipped.
   * @param {string | undefined} header
   */
  add(header) {
    if (!header) return;
    const phases = {};
    for (const part of header.split(",")) {
      const match = /^\s*([\w-]+);dur=([\d.]+)\s*$/.exec(part);
      if (match) phases[match[1]] = Number(match[2]);
    }
    if (phases.total === undefined) return;
    phases["total - fetch"] = phases.total - (phases.fetch ?? 0);
    for (const [name, ms] of Object.entries(phases)) {
      if (!this.#phases.has(name)) this.#phases.set(name, []);
      this.#phases.get(name).push(ms);
    }
  }

  /**
   * `name p50 / p99 ms` for the given phases that were seen, joined by commas.
   * @param {string[]} names
   * @returns {string}
   */
  summary(names) {
    return names
      .filter((name) => this.#phases.has(name))
      .map((name) => {
        const samples = this.#phases.get(name);
        return `${name} ${Math.round(percentile(samples, 50))} / ${Math.round(percentile(samples, 99))}`;
      })
      .join(", ");
  }
}
