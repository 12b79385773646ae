import type { DraftActions } from "../request/draft-actions.js";
import { copyText, type SnippetSource } from "../result/code-view.js";
import { generateSnippets } from "../result/snippets/code-snippets.js";
import type { AppState } from "../shell/app-state.js";
import { downloadText } from "../shell/download.js";
import type { LayoutActions } from "../shell/layout-actions.js";
import type { Store } from "../shell/store.js";
import { exportHistory, type HistoryEntry } from "./history-entry.js";
import type { HistorySession } from "./history-session.js";
import type { HistoryActions } from "./history-view.js";
import { resultFromEntry } from "./result-from-entry.js";

/** What the history's actions use of the app. */
export interface HistoryActionDeps {
  readonly store: Store<AppState>;
  readonly session: HistorySession;
  readonly draft: DraftActions;
  readonly layout: LayoutActions;
  /** Which request the Code tab is for. */
  readonly snippetSource: { set(source: SnippetSource): void };
  send(options: { rerun: boolean }): void;
  log(message: string): void;
}

/** The History view's actions (also the palette's "History: ..." commands): open, re-run, delete, export, clear. */
export function createHistoryActions(deps: HistoryActionDeps): HistoryActions {
  const { store, session, layout, log } = deps;
  const open = (entry: HistoryEntry) => {
    deps.draft.restore(entry.draft);
    store.set({ result: resultFromEntry(entry) });
    layout.showEditorTab("request");
    layout.showPanelTab("response");
    log(`Opened the request of ${entry.createdAt} from the history.`);
  };
  return {
    open,
    rerun(entry) {
      deps.draft.startFresh(entry.draft);
      log(`Re-running the request of ${entry.createdAt} with a new MerchantBizId.`);
      deps.send({ rerun: true });
    },
    remove(entry) {
      const history = session.current();
      if (entry.id === undefined || !history) return;
      void history.delete(entry.id).then(session.refresh);
    },
    copyCurl(entry) {
      const { curl } = generateSnippets({
        proxyUrl: entry.proxyUrl,
        callerKey: store.get().settings.callerKey,
        draft: entry.draft,
      });
      void copyText(curl, "curl", log);
    },
    showCode(entry) {
      open(entry);
      deps.snippetSource.set("sent");
      layout.showPanelTab("code");
    },
    exportAll() {
      downloadText(
        exportHistory(store.get().history),
        `liveness-playground-history-${new Date().toISOString().slice(0, 19).replaceAll(":", "-")}.json`,
      );
      log(`Exported ${store.get().history.length} history entries.`);
    },
    clear() {
      const history = session.current();
      if (!history || !window.confirm("Delete every entry of the history?")) return;
      void history.clear().then(session.refresh);
      log("Cleared the history.");
    },
  };
}
