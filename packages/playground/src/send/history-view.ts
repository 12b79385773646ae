import type { AppState } from "../shell/app-state.js";
import { h, replaceChildren } from "../shell/h.js";
import type { Store } from "../shell/store.js";
import type { HistoryEntry } from "./history-entry.js";
import { filterHistory, type OutcomeFilter } from "./history-filter.js";
import { HISTORY_LIMIT } from "./history-store.js";

/** What the history view asks of the app. */
export interface HistoryActions {
  open(entry: HistoryEntry): void;
  rerun(entry: HistoryEntry): void;
  remove(entry: HistoryEntry): void;
  /** Copies this entry's request as a curl command. */
  copyCurl(entry: HistoryEntry): void;
  /** Opens this entry with the Code tab on its request (every language). */
  showCode(entry: HistoryEntry): void;
  exportAll(): void;
  clear(): void;
}

/** The History view: past sends (newest first) with their thumbnail and outcome; open, re-run, delete, export. */
export function createHistoryView(store: Store<AppState>, actions: HistoryActions): HTMLElement {
  const search = h("input", {
    type: "search",
    placeholder: "Search: id, code, status…",
    "aria-label": "Search the history",
    "data-testid": "history-search",
  });
  const outcome = h(
    "select",
    { "aria-label": "Show outcomes", "data-testid": "history-outcome" },
    h("option", { value: "all" }, "All outcomes"),
    h("option", { value: "passed" }, "Passed"),
    h("option", { value: "not-passed" }, "Not passed"),
    h("option", { value: "error" }, "Errors"),
  );
  const filterBar = h("div", { class: "history-filter", role: "search" }, search, outcome);
  for (const control of [search, outcome]) {
    control.addEventListener("input", () => render(store.get().history));
  }
  const stored = h("p", { class: "hint", "data-testid": "history-stored" });
  const list = h("ul", { class: "item-list", "aria-label": "Past requests", "data-testid": "history-list" });
  const view = h(
    "section",
    { "aria-label": "History" },
    h(
      "div",
      { class: "row", style: "margin: 8px" },
      h(
        "button",
        {
          type: "button",
          class: "small",
          onclick: () => actions.exportAll(),
          "data-testid": "history-export",
        },
        "Export JSON",
      ),
      h("button", { type: "button", class: "small", onclick: () => actions.clear() }, "Clear"),
    ),
    stored,
    filterBar,
    list,
  );
  const render = (all: readonly HistoryEntry[]) => {
    if (all.length === 0) {
      replaceChildren(list, h("li", { class: "hint" }, "Nothing sent yet."));
      return;
    }
    const entries = filterHistory(all, search.value, outcome.value as OutcomeFilter);
    if (entries.length === 0) {
      replaceChildren(list, h("li", { class: "hint" }, `None of the ${all.length} entries match.`));
      return;
    }
    replaceChildren(
      list,
      ...entries.map((entry) => {
        const when = new Date(entry.createdAt);
        const label = `${entry.summary}, ${when.toLocaleTimeString()}`;
        return h(
          "li",
          { class: "history-item", "data-testid": "history-item" },
          entry.thumbnail
            ? h("img", { src: entry.thumbnail, alt: "" })
            : h("span", { class: "thumb", "aria-hidden": "true" }),
          h(
            "div",
            {},
            h("div", { class: `summary ${entry.outcome}` }, entry.summary),
            h(
              "small",
              { class: "help" },
              h("time", { datetime: entry.createdAt }, when.toLocaleString()),
              " · ",
              entry.body.merchantBizId ?? "no MerchantBizId",
            ),
            h(
              "div",
              { class: "actions" },
              h(
                "button",
                {
                  type: "button",
                  class: "small",
                  "aria-label": `Open ${label}`,
                  onclick: () => actions.open(entry),
                },
                "Open",
              ),
              h(
                "button",
                {
                  type: "button",
                  class: "small",
                  "aria-label": `Re-run ${label}`,
                  onclick: () => actions.rerun(entry),
                },
                "Re-run",
              ),
              h(
                "button",
                {
                  type: "button",
                  class: "small",
                  "aria-label": `Copy as curl: ${label}`,
                  onclick: () => actions.copyCurl(entry),
                },
                "Copy as curl",
              ),
              h(
                "button",
                {
                  type: "button",
                  class: "small",
                  "aria-label": `Code: ${label}`,
                  onclick: () => actions.showCode(entry),
                },
                "Code",
              ),
              h(
                "button",
                {
                  type: "button",
                  class: "small",
                  "aria-label": `Delete ${label}`,
                  onclick: () => actions.remove(entry),
                },
                "Delete",
              ),
            ),
          ),
        );
      }),
    );
  };
  store.watch(
    (state) => state.settings.keepThumbnails,
    (keep) => {
      stored.textContent = historyStorageNote(keep);
    },
  );
  stored.textContent = historyStorageNote(store.get().settings.keepThumbnails);
  store.watch((state) => state.history, render);
  render(store.get().history);
  return view;
}

/** Exactly what a history entry keeps, for the line above the list. */
export function historyStorageNote(keepThumbnails: boolean): string {
  return `Kept in this browser's IndexedDB, the newest ${HISTORY_LIMIT}: for each send the proxy URL, the request as sent with "<image>" in place of the photo (MerchantBizId, the SHA-256 of the user id, the picture URL if any, FaceQualityCheck), the photo's byte size, dimensions and format, the answer (status, headers, body, with its signed receipt: the hashed user id, the picture's SHA-256 and the scores, no image; it expires 10 minutes after the send by default, and the Receipt tab then says so) and the timings. No image bytes, no raw user id, no caller key. ${
    keepThumbnails
      ? "Face thumbnails: on (a JPEG of at most 48x64 px per entry; turn off in Settings)."
      : "Face thumbnails: off (a face is biometric data; Settings can turn them on)."
  }`;
}
