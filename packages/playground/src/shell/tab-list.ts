import { h } from "./h.js";

/** One tab of a {@link createTabList}. */
export interface TabSpec<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly panel: HTMLElement;
}

/** Which tabs are open and in what order (closable tabs only). */
export interface TabArrangement<Id extends string> {
  readonly order: readonly Id[];
  readonly open: readonly Id[];
}

/** Options of editor-style tabs. */
export interface TabListOptions<Id extends string> {
  /**
   * VS Code's editor tabs: each can be closed (its × or Delete; the last open one stays) and moved (drag and
   * drop, or Alt+Shift+Left/Right); selecting a closed tab opens it again.
   */
  readonly closable?: boolean;
  readonly arrangement?: TabArrangement<Id>;
  onArrange?(arrangement: TabArrangement<Id>): void;
}

/** A WAI-ARIA tabs widget: the tab strip, its panels, and a way to switch. */
export interface TabList<Id extends string> {
  readonly tablist: HTMLElement;
  readonly panels: HTMLElement;
  select(id: Id, options?: { focus?: boolean }): void;
  selected(): Id;
  /** Changes a tab's label (e.g. a count of problems). */
  setLabel(id: Id, label: string): void;
  /** Closes a tab (closable tabs; not the last open one). */
  close(id: Id): void;
  /** Moves a tab to `index` among all tabs (closable tabs). */
  move(id: Id, index: number): void;
  arrangement(): TabArrangement<Id>;
  /** Puts the tabs in this order with these open (Reset Layout). */
  arrange(next: TabArrangement<Id>): void;
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
  options: TabListOptions<Id> = {},
): TabList<Id> {
  const ids = tabs.map((tab) => tab.id);
  // A stored arrangement is trusted only for ids that exist; new tabs go last, open.
  let order: Id[] = [
    ...(options.arrangement?.order ?? []).filter(
      (id, index, all) => ids.includes(id) && all.indexOf(id) === index,
    ),
  ];
  order.push(...ids.filter((id) => !order.includes(id)));
  const open = new Set<Id>(
    options.closable && options.arrangement
      ? [
          ...options.arrangement.open.filter((id) => ids.includes(id)),
          ...ids.filter((id) => !options.arrangement?.order.includes(id)),
        ]
      : ids,
  );
  let current = initial;
  if (open.size === 0) open.add(current);
  if (!open.has(current)) current = order.find((id) => open.has(id)) ?? initial;
  const buttons = new Map<Id, HTMLButtonElement>();
  const labels = new Map<Id, HTMLElement>();
  const tablist = h("div", { role: "tablist", "aria-label": name, class: "tabs" });
  const panels = h("div", { class: "tab-panels" });
  for (const tab of tabs) {
    const button = h("button", {
      type: "button",
      role: "tab",
      id: `${prefix}-tab-${tab.id}`,
      "aria-controls": `${prefix}-panel-${tab.id}`,
      class: "tab",
      "data-testid": `${prefix}-tab-${tab.id}`,
      onclick: () => select(tab.id, { focus: true }),
    });
    const label = h("span", {}, tab.label);
    labels.set(tab.id, label);
    button.append(label);
    if (options.closable) {
      button.title = `${tab.label} (Delete closes, Alt+Shift+Left/Right moves)`;
      button.draggable = true;
      // Mouse only, inside the tab (a nested button is not allowed in a tab): the keyboard has Delete.
      const closer = h(
        "span",
        { class: "tab-close", "aria-hidden": "true", "data-testid": `${prefix}-close-${tab.id}` },
        "×",
      );
      closer.addEventListener("click", (event) => {
        event.stopPropagation();
        close(tab.id);
      });
      button.append(closer);
      button.addEventListener("dragstart", (event) => {
        event.dataTransfer?.setData("text/x-tab", tab.id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
      });
      button.addEventListener("dragover", (event) => {
        if (event.dataTransfer?.types.includes("text/x-tab")) event.preventDefault();
      });
      button.addEventListener("drop", (event) => {
        const dragged = event.dataTransfer?.getData("text/x-tab") as Id | undefined;
        if (!dragged || !ids.includes(dragged) || dragged === tab.id) return;
        event.preventDefault();
        move(dragged, order.indexOf(tab.id));
      });
    }
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
    if (options.closable && event.key === "Delete") {
      event.preventDefault();
      close(current);
      return;
    }
    if (
      options.closable &&
      event.altKey &&
      event.shiftKey &&
      (event.key === "ArrowLeft" || event.key === "ArrowRight")
    ) {
      event.preventDefault();
      move(current, order.indexOf(current) + (event.key === "ArrowLeft" ? -1 : 1));
      buttons.get(current)?.focus();
      return;
    }
    const visible = order.filter((id) => open.has(id));
    const index = visible.indexOf(current);
    const next =
      event.key === "ArrowRight"
        ? visible[(index + 1) % visible.length]
        : event.key === "ArrowLeft"
          ? visible[(index - 1 + visible.length) % visible.length]
          : event.key === "Home"
            ? visible[0]
            : event.key === "End"
              ? visible.at(-1)
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    select(next, { focus: true });
  });

  function render() {
    for (const id of order) tablist.appendChild(buttons.get(id)!);
    for (const tab of tabs) {
      const active = tab.id === current;
      const button = buttons.get(tab.id)!;
      button.setAttribute("aria-selected", String(active));
      button.tabIndex = active ? 0 : -1;
      button.hidden = !open.has(tab.id);
      tab.panel.hidden = !active;
    }
  }
  const arranged = () => options.onArrange?.({ order: [...order], open: order.filter((id) => open.has(id)) });
  function select(id: Id, selectOptions: { focus?: boolean } = {}) {
    const changed = id !== current;
    const reopened = !open.has(id);
    open.add(id);
    current = id;
    render();
    if (reopened) arranged();
    if (selectOptions.focus) buttons.get(id)?.focus();
    if (changed) onSelect(id);
  }
  function close(id: Id) {
    if (!open.has(id) || open.size < 2) return;
    const visible = order.filter((candidate) => open.has(candidate));
    open.delete(id);
    arranged();
    if (id === current) {
      const index = visible.indexOf(id);
      select(visible[index + 1] ?? visible[index - 1] ?? order[0]!, { focus: true });
    } else {
      render();
    }
  }
  function move(id: Id, index: number) {
    const target = Math.max(0, Math.min(order.length - 1, index));
    order = order.filter((candidate) => candidate !== id);
    order.splice(target, 0, id);
    render();
    arranged();
  }
  render();
  const setLabel = (id: Id, label: string) => {
    const target = labels.get(id);
    if (target && target.textContent !== label) target.textContent = label;
  };
  return {
    tablist,
    panels,
    select,
    selected: () => current,
    setLabel,
    close,
    move,
    arrangement: () => ({ order: [...order], open: order.filter((id) => open.has(id)) }),
    arrange: (next) => {
      order = [
        ...next.order.filter((id) => ids.includes(id)),
        ...ids.filter((id) => !next.order.includes(id)),
      ];
      open.clear();
      for (const id of next.open) if (ids.includes(id)) open.add(id);
      open.add(current);
      render();
      arranged();
    },
  };
}
