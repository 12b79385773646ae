import type { AppState } from "../shell/app-state.js";
import { h, replaceChildren } from "../shell/h.js";
import type { Store } from "../shell/store.js";
import type { HistoryEntry } from "./history-entry.js";

/** What the history view asks of the app. */
export interface HistoryActions {
  open(entry: HistoryEntry): void;
  rerun(entry: HistoryEntry): void;
  remove(entry: HistoryEntry): void;
  exportAll(): void;
  clear(): void;
}

/** The History view: past sends (newest first) with their thumbnail and outcome; open, re-run, delete, export. */
export function createHistoryView(store: Store<AppState>, actions: HistoryActions): HTMLElement {
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
    h(
      "p",
      { class: "hint" },
      "Kept in this browser (IndexedDB): requests without image bytes, answers and timings.",
    ),
    list,
  );
  const render = (entries: readonly HistoryEntry[]) => {
    if (entries.length === 0) {
      replaceChildren(list, h("li", { class: "hint" }, "Nothing sent yet."));
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
  store.watch((state) => state.history, render);
  render(store.get().history);
  return view;
}
