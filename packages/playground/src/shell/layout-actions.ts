import * as v from "valibot";
import type { AppState } from "./app-state.js";
import { type Layout, LayoutSchema } from "./settings.js";
import type { Store } from "./store.js";
import type { TabList } from "./tab-list.js";

/** The workbench's tab lists, which exist only once their panels are built. */
export interface WorkbenchTabs {
  readonly editor: TabList<Layout["editorTab"]>;
  readonly panel: TabList<Layout["panelTab"]>;
}

/** Showing, hiding and arranging the parts of the workbench (the layout is saved with the state). */
export interface LayoutActions {
  set(patch: Partial<Layout>): void;
  /** Gives the actions the tab lists they select in; until then only the stored layout changes. */
  attach(tabs: WorkbenchTabs): void;
  showActivity(activity: Layout["activity"]): void;
  /** The activity bar: a second click on the shown activity hides the side bar. */
  toggleActivity(activity: Layout["activity"]): void;
  toggleSideBar(): void;
  togglePanel(): void;
  showEditorTab(tab: Layout["editorTab"]): void;
  showPanelTab(tab: Layout["panelTab"]): void;
  /** Back to the default layout, the editor tabs' order and open set included. */
  reset(): void;
}

/** Creates the {@link LayoutActions} of the app's store. */
export function createLayoutActions(store: Store<AppState>): LayoutActions {
  let tabs: WorkbenchTabs | undefined;
  const set = (patch: Partial<Layout>) => store.set((state) => ({ layout: { ...state.layout, ...patch } }));
  const showActivity = (activity: Layout["activity"]) => set({ activity, sideBarVisible: true });
  return {
    set,
    attach: (next) => {
      tabs = next;
    },
    showActivity,
    toggleActivity(activity) {
      const { layout } = store.get();
      if (layout.activity === activity && layout.sideBarVisible) set({ sideBarVisible: false });
      else showActivity(activity);
    },
    toggleSideBar: () => set({ sideBarVisible: !store.get().layout.sideBarVisible }),
    togglePanel: () => set({ panelVisible: !store.get().layout.panelVisible }),
    showEditorTab: (tab) => tabs?.editor.select(tab, { focus: true }),
    showPanelTab(tab) {
      set({ panelVisible: true, panelTab: tab });
      tabs?.panel.select(tab);
    },
    reset() {
      const fresh = v.parse(LayoutSchema, {});
      store.set({ layout: fresh });
      tabs?.editor.arrange(fresh.editorTabs);
    },
  };
}
