import type { FaceMeasurements } from "./quality.js";

/** What measuring a picture gives: its measurements, or undefined when its pixels cannot be decoded. */
export type PictureMeasurement = FaceMeasurements | undefined;

/** How many pictures' measurements are kept by default (a few hundred bytes each, never the image). */
export const DEFAULT_MEASUREMENT_CACHE_ENTRIES = 1024;

/**
 * The measurements of recently seen pictures, keyed by the SHA-256 of their bytes, the least recently used
 * evicted first. Sound because measuring is a pure function of the bytes: the decoders and `measureFace` read
 * nothing but the picture, so the same bytes always give the same scores (or the same "cannot be decoded").
 * Only digests and scores are kept, never image data. Values, not promises: on a Worker a promise of one
 * request must not be awaited by another.
 */
export class MeasurementCache {
  readonly #maxEntries: number;
  // A Map keeps insertion order: the first key is the least recently used.
  readonly #entries = new Map<string, PictureMeasurement>();

  constructor(maxEntries = DEFAULT_MEASUREMENT_CACHE_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new TypeError("maxEntries must be a positive integer");
    this.#maxEntries = maxEntries;
  }

  /** Entries held now. */
  get size(): number {
    return this.#entries.size;
  }

  /** The measurement kept for `digest` (which may be "cannot be decoded"), or undefined when there is none. */
  get(digest: string): { measurement: PictureMeasurement } | undefined {
    if (!this.#entries.has(digest)) return undefined;
    const measurement = this.#entries.get(digest);
    this.#entries.delete(digest);
    this.#entries.set(digest, measurement);
    return { measurement };
  }

  /** Keeps a measurement (frozen: every caller with the same picture shares it), evicting the oldest entry. */
  set(digest: string, measurement: PictureMeasurement): void {
    if (measurement) {
      Object.freeze(measurement.raw);
      Object.freeze(measurement);
    }
    this.#entries.delete(digest);
    this.#entries.set(digest, measurement);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
