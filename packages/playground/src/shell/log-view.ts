import type { AppState } from "./app-state.js";
import { h, replaceChildren } from "./h.js";
import type { LogEntry } from "./log-entry.js";
import type { Store } from "./store.js";

/** The Log tab: what the playground did, newest last (a `log` live region). */
export function createLogView(store: Store<AppState>, clear: () => void): HTMLElement {
  const list = h("ol", { class: "log mono" });
  const render = (log: readonly LogEntry[]) => {
    replaceChildren(
      list,
      ...log.map((entry) =>
        h(
          "li",
          { class: entry.level },
          h("time", { datetime: new Date(entry.at).toISOString() }, new Date(entry.at).toLocaleTimeString()),
          entry.level === "info" ? "" : `${entry.level.toUpperCase()} `,
          entry.message,
        ),
      ),
    );
    list.lastElementChild?.scrollIntoView?.({ block: "nearest" });
  };
  store.watch((state) => state.log, render);
  render(store.get().log);
  return h(
    "div",
    {},
    h(
      "div",
      { class: "row", style: "margin-bottom: 8px" },
      h("button", { type: "button", class: "small", onclick: clear }, "Clear log"),
    ),
    h("div", { role: "log", "aria-label": "Log", "data-testid": "log" }, list),
  );
}
