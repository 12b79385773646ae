import type { AppState } from "./app-state.js";
import { h } from "./h.js";
import { createSash } from "./sash.js";
import type { Store } from "./store.js";
import type { TabList } from "./tab-list.js";

/** The parts the workbench lays out. */
export interface WorkbenchParts {
  readonly titleBar: HTMLElement;
  /** Method, URL and Send, above the editor tabs. */
  readonly requestBar: HTMLElement;
  readonly activityBar: HTMLElement;
  readonly sideBar: HTMLElement;
  readonly editorTabs: TabList<string>;
  readonly panelTabs: TabList<string>;
  readonly panelActions: HTMLElement;
  readonly statusBar: HTMLElement;
  readonly overlays: readonly HTMLElement[];
}

/**
 * Lays out VS Code's workbench: title bar, activity bar, side bar and its sash, the editor with its tabs,
 * the bottom panel and its sash, the status bar. Sizes and visibility come from (and go to) the layout state.
 */
export function createWorkbench(store: Store<AppState>, parts: WorkbenchParts): HTMLElement {
  const setLayout = (patch: Partial<AppState["layout"]>) =>
    store.set((state) => ({ layout: { ...state.layout, ...patch } }));
  const sideSash = createSash({
    orientation: "vertical",
    label: "Resize the side bar",
    min: 160,
    max: 600,
    direction: 1,
    get: () => store.get().layout.sideBarWidth,
    set: (sideBarWidth) => setLayout({ sideBarWidth }),
  });
  const panelSash = createSash({
    orientation: "horizontal",
    label: "Resize the panel",
    min: 120,
    max: 900,
    direction: -1,
    get: () => store.get().layout.panelHeight,
    set: (panelHeight) => setLayout({ panelHeight }),
  });
  const editor = h(
    "main",
    { class: "editor", id: "editor", "aria-label": "Editor" },
    parts.requestBar,
    h("div", { class: "strip" }, parts.editorTabs.tablist),
    parts.editorTabs.panels,
  );
  const panel = h(
    "section",
    { class: "panel", "aria-label": "Panel", id: "panel" },
    h("div", { class: "strip" }, parts.panelTabs.tablist, h("div", { class: "spacer" }), parts.panelActions),
    parts.panelTabs.panels,
    panelSash,
  );
  // The sashes sit inside the side bar and the panel (on their edges), so all content is in a landmark.
  parts.sideBar.appendChild(sideSash);
  const editorGroup = h("div", { class: "editor-group" }, editor, panel);
  const workbench = h("div", { class: "workbench" }, parts.activityBar, parts.sideBar, editorGroup);
  const app = h(
    "div",
    { class: "app" },
    h("a", { href: "#editor", class: "skip-link" }, "Skip to the request"),
    parts.titleBar,
    workbench,
    parts.statusBar,
    ...parts.overlays,
  );
  const render = (layout: AppState["layout"]) => {
    workbench.classList.toggle("no-sidebar", !layout.sideBarVisible);
    workbench.style.setProperty("--sidebar-w", `${layout.sideBarWidth}px`);
    editorGroup.classList.toggle("no-panel", !layout.panelVisible);
    editorGroup.style.setProperty("--panel-h", `${layout.panelHeight}px`);
  };
  store.watch((state) => state.layout, render);
  render(store.get().layout);
  collapseWhenNarrow(store, setLayout);
  return app;
}

/** Below this width the side bar opens over the editor and the panel stacks under it (narrow.css). */
export const NARROW_QUERY = "(max-width: 799px)";

/**
 * On a phone or a narrow window the side bar would squeeze the editor to a word per line: it starts closed and
 * closes when the window becomes narrow; the activity bar opens it over the editor.
 */
function collapseWhenNarrow(
  store: Store<AppState>,
  setLayout: (patch: Partial<AppState["layout"]>) => void,
): void {
  const query = typeof matchMedia === "function" ? matchMedia(NARROW_QUERY) : undefined;
  if (!query) return;
  if (query.matches && store.get().layout.sideBarVisible) setLayout({ sideBarVisible: false });
  query.addEventListener("change", (event) => {
    if (event.matches) setLayout({ sideBarVisible: false });
  });
}

/** Whether the layout is the narrow one now. */
export function isNarrow(): boolean {
  return typeof matchMedia === "function" && matchMedia(NARROW_QUERY).matches;
}
