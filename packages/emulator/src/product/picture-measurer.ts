import { type ImageInfo, sha256Hex } from "@liveness-kit/core";
import { FifoWorkQueue } from "./fifo-work-queue.js";
import { type MeasurePicture, measurePicture } from "./measure-picture.js";
import { MeasurementCache, type PictureMeasurement } from "./measurement-cache.js";

/**
 * How an emulator measures pictures under load. A picture seen recently is answered from the
 * {@link MeasurementCache} (keyed by the SHA-256 of its bytes). Any other is decoded and measured: on Node
 * through one {@link FifoWorkQueue}, one at a time and first come first served (in the order their digests
 * are ready, a fraction of a millisecond after the bytes), the event loop accepting connections between two
 * decodes; on a Worker at once, as before. The scores are exactly those of {@link measurePicture}.
 */
export class PictureMeasurer {
  readonly cache: MeasurementCache;
  readonly queue: FifoWorkQueue | undefined;
  readonly #measure: MeasurePicture;
  #measured = 0;
  #reused = 0;

  constructor(options: { cacheEntries?: number; measure?: MeasurePicture } = {}) {
    this.cache = new MeasurementCache(options.cacheEntries);
    this.queue = FifoWorkQueue.supported ? new FifoWorkQueue() : undefined;
    this.#measure = options.measure ?? measurePicture;
  }

  /** Pictures decoded and measured, and calls answered with a measurement already made, since the start. */
  get stats(): { measured: number; reused: number } {
    return { measured: this.#measured, reused: this.#reused };
  }

  /** The measurements of a picture whose header passed the checks (`info` read from `bytes`). */
  readonly measure: MeasurePicture = async (
    bytes: Uint8Array,
    info: ImageInfo,
  ): Promise<PictureMeasurement> => {
    const digest = await sha256Hex(bytes);
    const cached = this.cache.get(digest);
    if (cached) {
      this.#reused++;
      return cached.measurement;
    }
    const measureOnce = async () => {
      // The same picture may have been measured while this call waited in the queue.
      const measuredMeanwhile = this.cache.get(digest);
      if (measuredMeanwhile) {
        this.#reused++;
        return measuredMeanwhile.measurement;
      }
      this.#measured++;
      const measurement = await this.#measure(bytes, info);
      this.cache.set(digest, measurement);
      return measurement;
    };
    return this.queue ? this.queue.run(measureOnce) : measureOnce();
  };
}
