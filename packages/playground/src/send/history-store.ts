import type { HistoryEntry } from "./history-entry.js";

/** The entries kept at most; the oldest go first. */
export const HISTORY_LIMIT = 200;

/** Past sends in IndexedDB, newest first. */
export interface HistoryStore {
  add(entry: HistoryEntry): Promise<number>;
  list(): Promise<HistoryEntry[]>;
  get(id: number): Promise<HistoryEntry | undefined>;
  delete(id: number): Promise<void>;
  clear(): Promise<void>;
  /** Removes every stored face thumbnail (the setting was turned off); resolves with how many there were. */
  dropThumbnails(): Promise<number>;
  close(): void;
}

const STORE = "sends";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/**
 * Opens (creating on first use) the history database. Entries hold no image bytes (see `createHistoryEntry`);
 * beyond {@link HISTORY_LIMIT} the oldest are deleted so the database stays small.
 */
export async function openHistoryStore(
  name = "liveness-kit-playground",
  limit = HISTORY_LIMIT,
): Promise<HistoryStore> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
  };
  const db = await request(open);
  // Another tab upgrading the schema must not be blocked by this one.
  db.onversionchange = () => db.close();

  return {
    async add(entry) {
      const tx = db.transaction(STORE, "readwrite");
      const store = tx.objectStore(STORE);
      const { id: _ignored, ...record } = entry;
      const id = (await request(store.add(record))) as number;
      const keys = (await request(store.getAllKeys())) as number[];
      for (const old of keys.slice(0, Math.max(0, keys.length - limit))) store.delete(old);
      await done(tx);
      return id;
    },
    async list() {
      const tx = db.transaction(STORE, "readonly");
      const all = (await request(tx.objectStore(STORE).getAll())) as HistoryEntry[];
      return all.reverse();
    },
    async get(id) {
      const tx = db.transaction(STORE, "readonly");
      return (await request(tx.objectStore(STORE).get(id))) as HistoryEntry | undefined;
    },
    async delete(id) {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).delete(id);
      await done(tx);
    },
    async clear() {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).clear();
      await done(tx);
    },
    async dropThumbnails() {
      const tx = db.transaction(STORE, "readwrite");
      const store = tx.objectStore(STORE);
      const all = (await request(store.getAll())) as HistoryEntry[];
      let dropped = 0;
      for (const { thumbnail, ...rest } of all) {
        if (thumbnail === undefined) continue;
        store.put(rest);
        dropped++;
      }
      await done(tx);
      return dropped;
    },
    close() {
      db.close();
    },
  };
}
