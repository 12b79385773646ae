import type { AppState } from "../shell/app-state.js";
import { h, replaceChildren } from "../shell/h.js";
import type { Store } from "../shell/store.js";
import { activeEnvironment } from "./environments.js";

/** What the environments section asks of the app. */
export interface EnvironmentActions {
  switchTo(id: string): void;
  rename(id: string, name: string): void;
  /** A new environment, copied from the current one, made active. */
  create(): void;
  remove(id: string): void;
  exportAll(): void;
}

/**
 * The Environments section of Settings: pick the environment in use, rename it, add one, delete one, export
 * them (names and URLs, never keys). The proxy URL and caller key fields below edit the active environment.
 */
export function createEnvironmentsView(store: Store<AppState>, actions: EnvironmentActions): HTMLElement {
  const select = h("select", { id: "environment-select", "data-testid": "environment-select" });
  select.addEventListener("change", () => actions.switchTo(select.value));
  const name = h("input", {
    type: "text",
    id: "environment-name",
    maxlength: 60,
    "data-testid": "environment-name",
  });
  name.addEventListener("change", () => {
    const id = store.get().environments.active;
    if (name.value.trim()) actions.rename(id, name.value.trim());
  });
  const remove = h(
    "button",
    { type: "button", class: "small", onclick: () => actions.remove(store.get().environments.active) },
    "Delete",
  );
  const view = h(
    "section",
    { class: "environments", "aria-labelledby": "environments-title", style: "padding: 8px" },
    h("h3", { id: "environments-title" }, "Environments"),
    h(
      "p",
      { class: "help" },
      "Named proxy URL and caller key sets, kept in this browser's localStorage. Switch from the status bar. An export holds names and URLs, never keys.",
    ),
    h("div", { class: "field" }, h("label", { for: "environment-select" }, "In use"), select),
    h("div", { class: "field" }, h("label", { for: "environment-name" }, "Name"), name),
    h(
      "div",
      { class: "row" },
      h(
        "button",
        { type: "button", class: "small", "data-testid": "environment-new", onclick: () => actions.create() },
        "New from current",
      ),
      remove,
      h(
        "button",
        { type: "button", class: "small", onclick: () => actions.exportAll() },
        "Export without keys",
      ),
    ),
  );
  const render = (state: AppState) => {
    const { environments } = state;
    replaceChildren(
      select,
      ...environments.list.map((env) =>
        h("option", { value: env.id, selected: env.id === environments.active }, env.name),
      ),
    );
    select.value = environments.active;
    const active = activeEnvironment(environments);
    if (document.activeElement !== name) name.value = active?.name ?? "";
    remove.disabled = environments.list.length < 2;
  };
  store.watch(
    (state) => state.environments,
    () => render(store.get()),
  );
  render(store.get());
  return view;
}
