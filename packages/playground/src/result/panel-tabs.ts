import { lintRequest } from "../request/lint-request.js";
import type { AppState } from "../shell/app-state.js";
import { h } from "../shell/h.js";
import { createLogView } from "../shell/log-view.js";
import type { Layout } from "../shell/settings.js";
import type { Store } from "../shell/store.js";
import { createTabList, type TabList } from "../shell/tab-list.js";
import { createCodeView, type SnippetSource } from "./code-view.js";
import { createProblemsView } from "./problems-view.js";
import { watchResultPanels } from "./result-panels.js";

/** What the panel's tabs ask of the app. */
export interface PanelTabsDeps {
  log(message: string): void;
  /** Which request the Code tab is for. */
  readonly snippetSource: { get(): SnippetSource; set(next: SnippetSource): void };
  /** Opens request.json (activating a problem). */
  showJson(): void;
  /** Cancels the running send (the Response tab's Cancel). */
  cancel(): void;
  showResponse(): void;
  /** Called when the user selects a tab. */
  selectTab(tab: Layout["panelTab"]): void;
}

/**
 * The bottom panel: the result's tabs (Response, Receipt, Raw JSON, Headers, Timeline) kept on the latest
 * result, Code, Problems (its label counts them) and Log.
 */
export function createPanelTabs(store: Store<AppState>, deps: PanelTabsDeps): TabList<Layout["panelTab"]> {
  const result = {
    response: h("div", { "data-testid": "response-view" }),
    receipt: h("div", { "data-testid": "receipt-view" }),
    raw: h("div"),
    headers: h("div"),
    timeline: h("div"),
  };
  const tabs = createTabList<Layout["panelTab"]>(
    "Panel",
    "panel",
    [
      { id: "response", label: "Response", panel: result.response },
      { id: "receipt", label: "Receipt", panel: result.receipt },
      { id: "raw", label: "Raw JSON", panel: result.raw },
      { id: "headers", label: "Headers", panel: result.headers },
      { id: "timeline", label: "Timeline", panel: result.timeline },
      { id: "code", label: "Code", panel: h("div", {}, createCodeView(store, deps.log, deps.snippetSource)) },
      { id: "problems", label: "Problems", panel: createProblemsView(store, deps.showJson) },
      {
        id: "log",
        label: "Log",
        panel: h(
          "div",
          {},
          createLogView(store, () => store.set({ log: [] })),
        ),
      },
    ],
    store.get().layout.panelTab,
    deps.selectTab,
  );
  watchResultPanels(store, { ...result, cancel: deps.cancel, showResponse: deps.showResponse });
  const labelProblems = (text: string) => {
    const count = lintRequest(text).length;
    tabs.setLabel("problems", count ? `Problems (${count})` : "Problems");
  };
  store.watch((state) => state.jsonText, labelProblems);
  labelProblems(store.get().jsonText);
  return tabs;
}
