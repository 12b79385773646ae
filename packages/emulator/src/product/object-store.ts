/** An object uploaded through the PostObject endpoint. */
export interface StoredObject {
  bytes: Uint8Array;
  contentType: string;
  expiresAt: number;
}

/**
 * The in-memory stand-in for the OSS bucket of file-stream mode. Objects live for `ttlMs` (Alibaba's
 * uploads are temporary too), and the total held is bounded by `maxTotalBytes`: the oldest objects are
 * dropped first to make room.
 */
export class ObjectStore {
  readonly #objects = new Map<string, StoredObject>();
  readonly #ttlMs: number;
  readonly #maxTotalBytes: number;
  #totalBytes = 0;

  constructor(options: { ttlMs?: number; maxTotalBytes?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? 30 * 60_000;
    this.#maxTotalBytes = options.maxTotalBytes ?? 64 * 1024 * 1024;
  }

  /** Stores (or replaces) an object. */
  put(bucket: string, key: string, bytes: Uint8Array, contentType: string, now: number): void {
    this.#purge(now);
    this.#remove(`${bucket}/${key}`);
    while (this.#totalBytes + bytes.byteLength > this.#maxTotalBytes && this.#objects.size > 0) {
      const oldest = this.#objects.keys().next().value;
      if (oldest === undefined) break;
      this.#remove(oldest);
    }
    this.#objects.set(`${bucket}/${key}`, { bytes, contentType, expiresAt: now + this.#ttlMs });
    this.#totalBytes += bytes.byteLength;
  }

  /** The object, or undefined when it was never uploaded or has expired. */
  get(bucket: string, key: string, now: number): StoredObject | undefined {
    this.#purge(now);
    return this.#objects.get(`${bucket}/${key}`);
  }

  /** How many objects are held. */
  get size(): number {
    return this.#objects.size;
  }

  /** Drops every object. */
  clear(): void {
    this.#objects.clear();
    this.#totalBytes = 0;
  }

  #remove(id: string): void {
    const existing = this.#objects.get(id);
    if (!existing) return;
    this.#totalBytes -= existing.bytes.byteLength;
    this.#objects.delete(id);
  }

  #purge(now: number): void {
    for (const [id, object] of this.#objects) {
      if (object.expiresAt <= now) this.#remove(id);
    }
  }
}
