import { h } from "./h.js";

/** One tab of a {@link createTabList}. */
export interface TabSpec<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly panel: HTMLElement;
}

/** A WAI-ARIA tabs widget: the tab strip, its panels, and a way to switch. */
export interface TabList<Id extends string> {
  readonly tablist: HTMLElement;
  readonly panels: HTMLElement;
  select(id: Id, options?: { focus?: boolean }): void;
  selected(): Id;
  /** Changes a tab's label (e.g. a count of problems). */
  setLabel(id: Id, label: string): void;
}

/**
 * Builds tabs per the WAI-ARIA Authoring Practices (tabs with automatic activation): one tab stop, arrow
 * keys / Home / End move between tabs, each panel labelled by its tab and focusable.
 */
export function createTabList<Id extends string>(
  name: string,
  prefix: string,
  tabs: readonly TabSpec<Id>[],
  initial: Id,
  onSelect: (id: Id) => void,
): TabList<Id> {
  let current = initial;
  const buttons = new Map<Id, HTMLButtonElement>();
  const tablist = h("div", { role: "tablist", "aria-label": name, class: "tabs" });
  const panels = h("div", { class: "tab-panels" });
  for (const tab of tabs) {
    const button = h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `${prefix}-tab-${tab.id}`,
        "aria-controls": `${prefix}-panel-${tab.id}`,
        class: "tab",
        "data-testid": `${prefix}-tab-${tab.id}`,
        onclick: () => select(tab.id, { focus: true }),
      },
      tab.label,
    );
    buttons.set(tab.id, button);
    tablist.appendChild(button);
    tab.panel.id = `${prefix}-panel-${tab.id}`;
    tab.panel.setAttribute("role", "tabpanel");
    tab.panel.setAttribute("aria-labelledby", button.id);
    tab.panel.tabIndex = 0;
    tab.panel.classList.add("tab-panel");
    panels.appendChild(tab.panel);
  }
  tablist.addEventListener("keydown", (event) => {
    const ids = tabs.map((tab) => tab.id);
    const index = ids.indexOf(current);
    const next =
      event.key === "ArrowRight"
        ? ids[(index + 1) % ids.length]
        : event.key === "ArrowLeft"
          ? ids[(index - 1 + ids.length) % ids.length]
          : event.key === "Home"
            ? ids[0]
            : event.key === "End"
              ? ids.at(-1)
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    select(next, { focus: true });
  });

  function render() {
    for (const tab of tabs) {
      const active = tab.id === current;
      const button = buttons.get(tab.id)!;
      button.setAttribute("aria-selected", String(active));
      button.tabIndex = active ? 0 : -1;
      tab.panel.hidden = !active;
    }
  }
  function select(id: Id, options: { focus?: boolean } = {}) {
    const changed = id !== current;
    current = id;
    render();
    if (options.focus) buttons.get(id)?.focus();
    if (changed) onSelect(id);
  }
  render();
  const setLabel = (id: Id, label: string) => {
    const button = buttons.get(id);
    if (button && button.textContent !== label) button.textContent = label;
  };
  return { tablist, panels, select, selected: () => current, setLabel };
}
