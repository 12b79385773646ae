import { describe, expect, test } from "vitest";
import { initialAppState } from "./app-store.js";
import { createLayoutActions } from "./layout-actions.js";
import type { Layout } from "./settings.js";
import { createStore } from "./store.js";
import type { TabArrangement, TabList } from "./tab-list.js";

/** A tab list that records what it was asked. */
function recordingTabs<Id extends string>() {
  const calls: string[] = [];
  const tabs = {
    select: (id: Id, options?: { focus?: boolean }) =>
      calls.push(`select ${id}${options?.focus ? " focus" : ""}`),
    arrange: (next: TabArrangement<Id>) => calls.push(`arrange ${next.open.join(",")}`),
  } as unknown as TabList<Id>;
  return { tabs, calls };
}

function setup() {
  const store = createStore(initialAppState(undefined));
  const layout = createLayoutActions(store);
  const editor = recordingTabs<Layout["editorTab"]>();
  const panel = recordingTabs<Layout["panelTab"]>();
  layout.attach({ editor: editor.tabs, panel: panel.tabs });
  return { store, layout, editor: editor.calls, panel: panel.calls };
}

describe("createLayoutActions", () => {
  test("showing a panel tab opens the panel on it", () => {
    const { store, layout, panel } = setup();
    layout.set({ panelVisible: false });
    layout.showPanelTab("log");
    expect(store.get().layout).toMatchObject({ panelVisible: true, panelTab: "log" });
    expect(panel).toEqual(["select log"]);
  });

  test("showing an editor tab selects and focuses it", () => {
    const { layout, editor } = setup();
    layout.showEditorTab("json");
    expect(editor).toEqual(["select json focus"]);
  });

  test("an activity's second click hides the side bar, another activity shows it", () => {
    const { store, layout } = setup();
    layout.showActivity("history");
    layout.toggleActivity("history");
    expect(store.get().layout).toMatchObject({ activity: "history", sideBarVisible: false });
    layout.toggleActivity("settings");
    expect(store.get().layout).toMatchObject({ activity: "settings", sideBarVisible: true });
  });

  test("the toggles flip the side bar and the panel", () => {
    const { store, layout } = setup();
    const { sideBarVisible, panelVisible } = store.get().layout;
    layout.toggleSideBar();
    layout.togglePanel();
    expect(store.get().layout).toMatchObject({
      sideBarVisible: !sideBarVisible,
      panelVisible: !panelVisible,
    });
  });

  test("reset restores the default layout and reopens every editor tab", () => {
    const { store, layout, editor } = setup();
    const defaults = store.get().layout;
    layout.set({
      sideBarWidth: 500,
      panelTab: "log",
      editorTabs: { order: ["json", "request"], open: ["json"] },
    });
    layout.reset();
    expect(store.get().layout).toEqual(defaults);
    expect(editor).toEqual(["arrange request,json,image,reference"]);
  });
});
