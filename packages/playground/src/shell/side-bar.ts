import type { AppState } from "./app-state.js";
import { h } from "./h.js";
import type { Layout } from "./settings.js";
import type { Store } from "./store.js";

const TITLES: Record<Layout["activity"], string> = {
  explorer: "Explorer",
  history: "History",
  settings: "Settings",
};

/** The side bar: the view of the chosen activity (Explorer, History, Settings) under its title. */
export function createSideBar(
  store: Store<AppState>,
  views: Record<Layout["activity"], HTMLElement>,
): HTMLElement {
  const title = h("h2", { class: "sidebar-title", id: "sidebar-title" });
  const body = h("div", { class: "sidebar-body" });
  for (const [id, view] of Object.entries(views)) {
    view.dataset.view = id;
    view.setAttribute("data-testid", `view-${id}`);
    body.appendChild(view);
  }
  const render = () => {
    const { activity } = store.get().layout;
    title.textContent = TITLES[activity];
    for (const [id, view] of Object.entries(views)) view.hidden = id !== activity;
  };
  store.watch((state) => state.layout.activity, render);
  render();
  return h("aside", { class: "sidebar", "aria-labelledby": "sidebar-title", id: "sidebar" }, title, body);
}
