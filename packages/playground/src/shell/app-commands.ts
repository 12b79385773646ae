import { SAMPLES, type Sample } from "../request/samples.js";
import { SNIPPET_LANGUAGES, type SnippetLanguage } from "../result/snippets/code-snippets.js";
import type { Command } from "./commands.js";
import type { Layout, Theme } from "./settings.js";

/** The actions the palette's commands call. */
export interface AppActions {
  send(): void;
  newMerchantBizId(): void;
  pickImage(): void;
  openCamera(): void;
  loadSample(sample: Sample): void;
  showActivity(activity: Layout["activity"]): void;
  toggleSideBar(): void;
  togglePanel(): void;
  showEditorTab(tab: Layout["editorTab"]): void;
  showPanelTab(tab: Layout["panelTab"]): void;
  setTheme(theme: Theme): void;
  copySnippet(language: SnippetLanguage): void;
  exportHistory(): void;
  clearHistory(): void;
  checkHealth(): void;
  resetLayout(): void;
  focusUserId(): void;
}

/** Every command of the palette, VS Code style ("Category: Title"). */
export function appCommands(actions: AppActions, mod: string): Command[] {
  const cmd = (
    id: string,
    category: string,
    title: string,
    run: () => void,
    keybinding?: string,
  ): Command => ({
    id,
    category,
    title,
    run,
    ...(keybinding ? { keybinding } : {}),
  });
  return [
    cmd("send", "Request", "Send", actions.send, `${mod}+Enter`),
    cmd("new-biz-id", "Request", "New MerchantBizId", actions.newMerchantBizId),
    cmd("focus-user-id", "Request", "Type the user id", actions.focusUserId),
    cmd("pick-image", "Image", "Choose an image file…", actions.pickImage),
    cmd("camera", "Image", "Take a photo with the camera…", actions.openCamera),
    ...SAMPLES.map((sample) =>
      cmd(`sample-${sample.id}`, "Sample", `Load "${sample.label}"`, () => actions.loadSample(sample)),
    ),
    cmd("view-explorer", "View", "Show Explorer", () => actions.showActivity("explorer")),
    cmd("view-history", "View", "Show History", () => actions.showActivity("history")),
    cmd("view-settings", "View", "Show Settings", () => actions.showActivity("settings")),
    cmd("toggle-sidebar", "View", "Toggle Side Bar", actions.toggleSideBar, `${mod}+B`),
    cmd("toggle-panel", "View", "Toggle Panel", actions.togglePanel, `${mod}+J`),
    cmd("editor-request", "View", "Open the Request form", () => actions.showEditorTab("request")),
    cmd("editor-json", "View", "Open the Request JSON", () => actions.showEditorTab("json")),
    cmd("editor-image", "View", "Open the picture before/after", () => actions.showEditorTab("image")),
    cmd("editor-reference", "View", "Open the API reference (the proxy's OpenAPI)", () =>
      actions.showEditorTab("reference"),
    ),
    cmd("panel-problems", "Panel", "Show Problems", () => actions.showPanelTab("problems"), `${mod}+Shift+M`),
    cmd("panel-response", "Panel", "Show Response", () => actions.showPanelTab("response")),
    cmd("panel-receipt", "Panel", "Show Receipt (signed, verified)", () => actions.showPanelTab("receipt")),
    cmd("panel-raw", "Panel", "Show Raw JSON", () => actions.showPanelTab("raw")),
    cmd("panel-headers", "Panel", "Show Headers", () => actions.showPanelTab("headers")),
    cmd("panel-timeline", "Panel", "Show Timeline", () => actions.showPanelTab("timeline")),
    cmd("panel-code", "Panel", "Show Code", () => actions.showPanelTab("code")),
    cmd("panel-log", "Panel", "Show Log", () => actions.showPanelTab("log")),
    cmd("theme-light", "Theme", "Light", () => actions.setTheme("light")),
    cmd("theme-dark", "Theme", "Dark", () => actions.setTheme("dark")),
    cmd("theme-hc", "Theme", "High Contrast", () => actions.setTheme("high-contrast")),
    cmd("theme-system", "Theme", "Follow the System", () => actions.setTheme("system")),
    ...SNIPPET_LANGUAGES.map(({ id, label }) =>
      cmd(`copy-${id}`, "Code", `Copy as ${label}`, () => actions.copySnippet(id)),
    ),
    cmd("history-export", "History", "Export as JSON", actions.exportHistory),
    cmd("history-clear", "History", "Clear", actions.clearHistory),
    cmd("health", "Proxy", "Check health", actions.checkHealth),
    cmd("reset-layout", "View", "Reset Layout", actions.resetLayout),
  ];
}
