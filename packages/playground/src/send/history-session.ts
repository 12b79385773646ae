import type { AppState } from "../shell/app-state.js";
import type { Store } from "../shell/store.js";
import { type HistoryStore, openHistoryStore } from "./history-store.js";
import { resultFromEntry } from "./result-from-entry.js";

/** The history kept in IndexedDB, once it is open (it may never be: some private modes have no IndexedDB). */
export interface HistorySession {
  /** The open store, or undefined (not yet, or unavailable). */
  current(): HistoryStore | undefined;
  /** Re-reads the list into the app's state. */
  refresh(): Promise<void>;
}

/**
 * Opens the history: keeps face thumbnails only while the setting allows it (turning it off deletes the
 * stored ones), and after a reload puts the newest entry's response back on screen.
 */
export function openHistorySession(
  store: Store<AppState>,
  log: (level: "info" | "warn", message: string) => void,
): HistorySession {
  let history: HistoryStore | undefined;
  const refresh = async () => {
    if (history) store.set({ history: await history.list() });
  };
  /** Face thumbnails are biometric data: with the setting off, none stays stored, including older ones. */
  const dropThumbnailsUnlessKept = async () => {
    if (!history || store.get().settings.keepThumbnails) return;
    const dropped = await history.dropThumbnails();
    if (dropped > 0) log("info", `Deleted ${dropped} face thumbnails from the history (the setting is off).`);
  };
  store.watch(
    (state) => state.settings.keepThumbnails,
    (keep) => {
      if (!keep) void dropThumbnailsUnlessKept().then(refresh);
    },
  );
  openHistoryStore()
    .then(async (opened) => {
      history = opened;
      await dropThumbnailsUnlessKept();
      await refresh();
      // After a reload, the last response is back on screen (the newest history entry), the request left as is.
      const last = store.get().history[0];
      if (last && !store.get().result && !store.get().sending) store.set({ result: resultFromEntry(last) });
    })
    .catch((error: unknown) => log("warn", `History is unavailable in this browser: ${String(error)}`));
  return { current: () => history, refresh };
}
