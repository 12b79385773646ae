// The composition root: creates the store, the actions and the views, and connects them. No logic of its own.
import "./shell/theme.css";
import "./shell/layout.css";
import "./shell/narrow.css";
import { createCollection } from "./collection/create-collection.js";
import { createEnvironmentActions, environmentCommands } from "./environments/environment-actions.js";
import { createEnvironmentsView } from "./environments/environments-view.js";
import { createImageCompare } from "./image/image-compare.js";
import { createImageInput, listenForImages } from "./image/image-input.js";
import { createImagePipeline } from "./image/image-pipeline.js";
import { createReferenceView } from "./reference/reference-view.js";
import { createDraftActions } from "./request/draft-actions.js";
import { createJsonEditorHost } from "./request/json-editor-host.js";
import { createSampleLoader } from "./request/load-sample.js";
import { createRequestBar } from "./request/request-bar.js";
import { createRequestForm, fillUserId } from "./request/request-form.js";
import { copyText, type SnippetSource, snippetInput } from "./result/code-view.js";
import { createPanelTabs } from "./result/panel-tabs.js";
import { generateSnippets } from "./result/snippets/code-snippets.js";
import { watchHealth } from "./send/health-watch.js";
import { createHistoryActions } from "./send/history-actions.js";
import { openHistorySession } from "./send/history-session.js";
import { createHistoryView } from "./send/history-view.js";
import { createSendController } from "./send/send-controller.js";
import { createActivityBar } from "./shell/activity-bar.js";
import { type AppActions, appCommands } from "./shell/app-commands.js";
import { createAppStore } from "./shell/app-store.js";
import { watchTheme } from "./shell/apply-theme.js";
import { createCommandPalette } from "./shell/command-palette.js";
import { createExplorerView } from "./shell/explorer-view.js";
import { h } from "./shell/h.js";
import { installKeybindings, isApple } from "./shell/keybindings.js";
import { createLayoutActions } from "./shell/layout-actions.js";
import { appendLog } from "./shell/log-entry.js";
import type { Layout } from "./shell/settings.js";
import { createSettingsView } from "./shell/settings-view.js";
import { createSideBar } from "./shell/side-bar.js";
import { createStatusBar } from "./shell/status-bar.js";
import { createTabList } from "./shell/tab-list.js";
import { createPanelActions, createTitleBar } from "./shell/title-bar.js";
import { createWorkbench } from "./shell/workbench.js";

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();
const store = createAppStore(storage, {
  proxyUrl: import.meta.env.VITE_PROXY_URL as string | undefined,
  emulatorProxyUrl: import.meta.env.VITE_EMULATOR_PROXY_URL as string | undefined,
});
const log = (level: "info" | "warn" | "error", message: string) =>
  store.set((state) => ({ log: appendLog(state.log, { at: Date.now(), level, message }) }));
const info = (message: string) => log("info", message);
watchTheme(store);

// Actions: each defined once, then handed to every view, command and key that triggers it.
const layout = createLayoutActions(store);
const draft = createDraftActions(store);
const history = openHistorySession(store, log);
const checkHealth = watchHealth(store, log);
const environmentActions = createEnvironmentActions(store, info);
const pipeline = createImagePipeline(store, log);
const imageInput = createImageInput({
  pipeline,
  updateDraft: draft.update,
  log,
  showLog: () => layout.showPanelTab("log"),
});
const controller = createSendController({
  store,
  pipeline,
  history: history.current,
  log,
  showResult: () => layout.showPanelTab("response"),
  refreshHistory: history.refresh,
  renewMerchantBizId: draft.renewAfterSend,
});
const send = () => void controller.send();
const openCamera = () => void imageInput.openCamera();
/** Which request the Code tab and "Copy as ..." are for: the last one sent, or the next one. */
let snippetSource: SnippetSource = "sent";
const snippetChoice = {
  get: () => snippetSource,
  set: (next: SnippetSource) => {
    snippetSource = next;
  },
};
const historyActions = createHistoryActions({
  store,
  session: history,
  draft,
  layout,
  snippetSource: snippetChoice,
  send: (options) => void controller.send(options),
  log: info,
});

// Views.
const form = createRequestForm(store, {
  send,
  newMerchantBizId: () => draft.startFresh(),
  setUserId: draft.setUserId,
  updateDraft: draft.update,
  pickFiles: imageInput.pickFiles,
  openCamera,
});
const loadSample = createSampleLoader({
  store,
  pipeline,
  draft,
  layout,
  fillUserId: (userId) => fillUserId(form, userId),
  log,
});
const jsonEditor = createJsonEditorHost(store, { onChange: draft.setJson, log });
const referenceView = createReferenceView(() => store.get().settings.proxyUrl);
const openTab = (tab: Layout["editorTab"]) => {
  if (tab === "json") void jsonEditor.load();
  if (tab === "reference") void referenceView.load();
};
const { layout: startLayout } = store.get();
const editorTabs = createTabList<Layout["editorTab"]>(
  "Editors",
  "editor",
  [
    { id: "request", label: "Request", panel: h("div", {}, form) },
    { id: "json", label: "request.json", panel: h("div", { class: "flush" }, jsonEditor.element) },
    { id: "image", label: "Before/after", panel: h("div", {}, createImageCompare(store)) },
    { id: "reference", label: "API reference", panel: h("div", {}, referenceView.element) },
  ],
  startLayout.editorTab,
  (editorTab) => {
    layout.set({ editorTab });
    openTab(editorTab);
  },
  {
    closable: true,
    arrangement: startLayout.editorTabs,
    onArrange: (arranged) =>
      layout.set({ editorTabs: { order: [...arranged.order], open: [...arranged.open] } }),
  },
);
openTab(startLayout.editorTab);
const panelTabs = createPanelTabs(store, {
  log: info,
  snippetSource: snippetChoice,
  showJson: () => layout.showEditorTab("json"),
  cancel: () => controller.cancel(),
  showResponse: () => layout.showPanelTab("response"),
  selectTab: (panelTab) => layout.set({ panelTab }),
});
layout.attach({ editor: editorTabs, panel: panelTabs });

const sideBar = createSideBar(store, {
  explorer: h(
    "div",
    {},
    createExplorerView(store, (sample) => void loadSample(sample)),
    createCollection(storage, {
      current: () => store.get().draft,
      open: (item) => {
        layout.showEditorTab("request");
        draft.startFresh(item.draft);
        info(`Opened the saved request "${item.name}" with a fresh MerchantBizId.`);
      },
    }).element,
  ),
  history: createHistoryView(store, historyActions),
  settings: h(
    "div",
    {},
    createEnvironmentsView(store, environmentActions),
    createSettingsView(store, {
      save: (next) => store.set({ settings: next }),
      resetLayout: layout.reset,
      checkHealth: () => void checkHealth(),
    }),
  ),
});

const mod = isApple() ? "Cmd" : "Ctrl";
const actions: AppActions = {
  send,
  newMerchantBizId: () => draft.startFresh(),
  pickImage: () => {
    layout.showEditorTab("request");
    form.querySelector<HTMLInputElement>("#image-file")?.click();
  },
  openCamera,
  loadSample: (sample) => void loadSample(sample),
  showActivity: layout.showActivity,
  toggleSideBar: layout.toggleSideBar,
  togglePanel: layout.togglePanel,
  showEditorTab: layout.showEditorTab,
  showPanelTab: layout.showPanelTab,
  setTheme: (theme) => store.set((state) => ({ settings: { ...state.settings, theme } })),
  copySnippet: (language) => {
    const snippets = generateSnippets(snippetInput(store.get(), snippetSource));
    void copyText(snippets[language], language, info);
  },
  exportHistory: historyActions.exportAll,
  clearHistory: historyActions.clear,
  checkHealth: () => void checkHealth(),
  resetLayout: layout.reset,
  focusUserId: () => {
    layout.showEditorTab("request");
    form.querySelector<HTMLInputElement>("#user-id")?.focus();
  },
};
const palette = createCommandPalette(() => [
  ...appCommands(actions, mod),
  ...environmentCommands(store.get().environments, environmentActions),
]);

const root = document.getElementById("app");
if (!root) throw new Error("index.html must have an element with id app");
root.replaceWith(
  createWorkbench(store, {
    titleBar: createTitleBar(mod, () => palette.open()),
    requestBar: createRequestBar(store, {
      send,
      cancel: () => controller.cancel(),
      setProxyUrl: (proxyUrl) => store.set((state) => ({ settings: { ...state.settings, proxyUrl } })),
    }),
    activityBar: createActivityBar(store, layout.toggleActivity),
    sideBar,
    editorTabs,
    panelTabs,
    panelActions: createPanelActions(mod, () => layout.set({ panelVisible: false })),
    statusBar: createStatusBar(store, {
      checkHealth: () => void checkHealth(),
      openPalette: () => palette.open(),
      openSettings: () => layout.showActivity("settings"),
      switchEnvironment: () => palette.open("environment "),
    }),
    overlays: [palette.element],
  }),
);

installKeybindings({
  palette: () => palette.open(),
  send,
  toggleSideBar: layout.toggleSideBar,
  togglePanel: layout.togglePanel,
  cancelSend: () => {
    if (!store.get().sending) return false;
    controller.cancel();
    return true;
  },
  problems: () => layout.showPanelTab("problems"),
});
listenForImages(window, (files, origin) => {
  layout.showEditorTab("request");
  imageInput.pickFiles(files, origin);
});

info(
  `Playground ready. Proxy: ${store.get().settings.proxyUrl}. Press ${mod}+Shift+P for commands, ${mod}+Enter to send.`,
);
