// The composition root: builds the state, the views and the controllers, and wires them together.
import "./shell/theme.css";
import "./shell/layout.css";
import "./shell/narrow.css";
import { createMerchantBizId } from "@liveness-kit/core/request";
import * as v from "valibot";
import { createCollection } from "./collection/create-collection.js";
import { createEnvironmentActions, environmentCommands } from "./environments/environment-actions.js";
import { activeEnvironment, readEnvironments, updateEnvironment } from "./environments/environments.js";
import { createEnvironmentsView } from "./environments/environments-view.js";
import { isEmulatorUpstream } from "./environments/upstream.js";
import { createImageCompare } from "./image/image-compare.js";
import { createImagePipeline } from "./image/image-pipeline.js";
import type { ImageOrigin } from "./image/picked-image.js";
import { createReferenceView } from "./reference/reference-view.js";
import { hashUserId } from "./request/hash-user-id.js";
import type { JsonEditor } from "./request/json-editor.js";
import { parseJsonWithSpans } from "./request/json-spans.js";
import { lintRequest } from "./request/lint-request.js";
import { createRequestBar } from "./request/request-bar.js";
import { draftFromValue, formatDraft, type RequestDraft } from "./request/request-draft.js";
import { createRequestForm, fillUserId } from "./request/request-form.js";
import type { Sample } from "./request/samples.js";
import { copyText, createCodeView, type SnippetSource, snippetInput } from "./result/code-view.js";
import { createProblemsView } from "./result/problems-view.js";
import { watchResultPanels } from "./result/result-panels.js";
import { generateSnippets, type SnippetLanguage } from "./result/snippets/code-snippets.js";
import { exportHistory, type HistoryEntry } from "./send/history-entry.js";
import { type HistoryStore, openHistoryStore } from "./send/history-store.js";
import { createHistoryView } from "./send/history-view.js";
import { probeHealth } from "./send/probe-health.js";
import { resultFromEntry } from "./send/result-from-entry.js";
import { createSendController } from "./send/send-controller.js";
import { createActivityBar } from "./shell/activity-bar.js";
import { appCommands } from "./shell/app-commands.js";
import type { AppState } from "./shell/app-state.js";
import { applyTheme } from "./shell/apply-theme.js";
import { createCommandPalette } from "./shell/command-palette.js";
import { downloadText } from "./shell/download.js";
import { createExplorerView } from "./shell/explorer-view.js";
import { h } from "./shell/h.js";
import { installKeybindings, isApple } from "./shell/keybindings.js";
import { appendLog } from "./shell/log-entry.js";
import { createLogView } from "./shell/log-view.js";
import {
  type Layout,
  LayoutSchema,
  loadPersisted,
  readStored,
  SettingsSchema,
  savePersisted,
} from "./shell/settings.js";
import { createSettingsView } from "./shell/settings-view.js";
import { createSideBar } from "./shell/side-bar.js";
import { createStatusBar } from "./shell/status-bar.js";
import { createStore } from "./shell/store.js";
import { createTabList } from "./shell/tab-list.js";
import { createWorkbench, isNarrow } from "./shell/workbench.js";

const SETTINGS_KEY = "liveness-playground.settings";
const ENVIRONMENTS_KEY = "liveness-playground.environments";
const LAYOUT_KEY = "liveness-playground.layout";
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

const envProxyUrl = import.meta.env.VITE_PROXY_URL as string | undefined;
const settings = loadPersisted(
  storage,
  SETTINGS_KEY,
  SettingsSchema,
  envProxyUrl ? { proxyUrl: envProxyUrl } : {},
);
const layout = loadPersisted(storage, LAYOUT_KEY, LayoutSchema);
const environments = readEnvironments(readStored(storage, ENVIRONMENTS_KEY), settings);
const startEnvironment = activeEnvironment(environments);
if (startEnvironment)
  Object.assign(settings, { proxyUrl: startEnvironment.proxyUrl, callerKey: startEnvironment.callerKey });
const emulatorProxyUrl = import.meta.env.VITE_EMULATOR_PROXY_URL as string | undefined;
const draft: RequestDraft = {
  merchantBizId: createMerchantBizId(),
  merchantUserId: "",
  imageSource: "base64",
  imageUrl: "",
  faceQualityCheck: true,
};
const store = createStore<AppState>({
  settings,
  environments,
  ...(emulatorProxyUrl ? { emulatorProxyUrl } : {}),
  layout,
  draft,
  draftOrigin: "program",
  jsonText: formatDraft(draft),
  bizIdPinned: false,
  sending: false,
  history: [],
  log: [],
});

const log = (level: "info" | "warn" | "error", message: string) =>
  store.set((state) => ({ log: appendLog(state.log, { at: Date.now(), level, message }) }));
const setLayout = (patch: Partial<Layout>) =>
  store.set((state) => ({ layout: { ...state.layout, ...patch } }));

// Persistence and theme.
store.watch(
  (state) => state.settings,
  (next) => savePersisted(storage, SETTINGS_KEY, next),
);
store.watch(
  (state) => state.layout,
  (next) => savePersisted(storage, LAYOUT_KEY, next),
);
store.watch(
  (state) => state.environments,
  (next) => savePersisted(storage, ENVIRONMENTS_KEY, next),
);
// The active environment follows edits of the proxy URL and caller key (Settings, the request bar).
store.watch(
  (state) => `${state.settings.proxyUrl}\n${state.settings.callerKey}`,
  () =>
    store.set((state) => ({
      environments: updateEnvironment(state.environments, state.environments.active, {
        proxyUrl: state.settings.proxyUrl,
        callerKey: state.settings.callerKey,
      }),
    })),
);
const environmentActions = createEnvironmentActions(store, (message) => log("info", message));
let stopTheme = applyTheme(settings.theme);
store.watch(
  (state) => state.settings.theme,
  (theme) => {
    stopTheme();
    stopTheme = applyTheme(theme);
  },
);

// History (IndexedDB may be unavailable, e.g. in some private modes: the playground still works).
let historyStore: HistoryStore | undefined;
/** Face thumbnails are biometric data: with the setting off, none stays stored, including older ones. */
const dropThumbnailsUnlessKept = async () => {
  if (!historyStore || store.get().settings.keepThumbnails) return;
  const dropped = await historyStore.dropThumbnails();
  if (dropped > 0) log("info", `Deleted ${dropped} face thumbnails from the history (the setting is off).`);
};
store.watch(
  (state) => state.settings.keepThumbnails,
  (keep) => {
    if (!keep) void dropThumbnailsUnlessKept().then(refreshHistory);
  },
);
const refreshHistory = async () => {
  if (historyStore) store.set({ history: await historyStore.list() });
};
openHistoryStore()
  .then(async (opened) => {
    historyStore = opened;
    await dropThumbnailsUnlessKept();
    await refreshHistory();
    // After a reload, the last response is back on screen (the newest history entry), the request left as is.
    const last = store.get().history[0];
    if (last && !store.get().result && !store.get().sending) store.set({ result: resultFromEntry(last) });
  })
  .catch((error: unknown) => log("warn", `History is unavailable in this browser: ${String(error)}`));

// Draft updates from the form and the JSON editor.
const updateDraft = (patch: Partial<RequestDraft>, options: { pinBizId?: boolean } = {}) =>
  store.set((state) => {
    const next = { ...state.draft, ...patch };
    return {
      draft: next,
      draftOrigin: "form",
      jsonText: formatDraft(next),
      bizIdPinned: options.pinBizId || state.bizIdPinned,
    };
  });
const setUserId = (userId: string) => {
  const started = performance.now();
  const merchantUserId = userId === "" ? "" : hashUserId(userId);
  store.set({ hashMs: performance.now() - started });
  updateDraft({ merchantUserId });
};
const onJsonChange = (text: string) =>
  store.set((state) => {
    const parsed = parseJsonWithSpans(text);
    const next = parsed.ok ? draftFromValue(parsed.value, state.draft) : state.draft;
    return {
      jsonText: text,
      draft: next,
      draftOrigin: "json",
      bizIdPinned: state.bizIdPinned || next.merchantBizId !== state.draft.merchantBizId,
    };
  });

// Image and send controllers.
const pipeline = createImagePipeline(store, log);
const pickFiles = (files: readonly File[], origin: ImageOrigin) => {
  const file = files.find((candidate) => candidate.type.startsWith("image/")) ?? files[0];
  if (!file) return;
  updateDraft({ imageSource: "base64" });
  void pipeline.pick(file, file.name || `${origin} image`, origin);
};
const openCamera = async () => {
  try {
    const { captureFromCamera } = await import("./image/camera-capture.js");
    const photo = await captureFromCamera();
    if (photo) {
      updateDraft({ imageSource: "base64" });
      await pipeline.pick(photo, "camera.jpg", "camera");
    }
  } catch (error) {
    log("error", error instanceof Error ? error.message : String(error));
    showPanelTab("log");
  }
};

// Views.
const form = createRequestForm(store, {
  send: () => void controller.send(),
  newMerchantBizId: () => {
    updateDraft({ merchantBizId: createMerchantBizId() });
    store.set({ bizIdPinned: false });
  },
  setUserId,
  updateDraft,
  pickFiles,
  openCamera: () => void openCamera(),
});

const jsonHost = h("div", { class: "json-host" }, h("p", { class: "json-status" }, "Loading the editor…"));
let jsonEditor: JsonEditor | undefined;
let jsonLoading: Promise<JsonEditor | undefined> | undefined;
const loadJsonEditor = () => {
  jsonLoading ??= import("./request/json-editor.js")
    .then(({ createJsonEditor }) => {
      jsonHost.replaceChildren();
      jsonEditor = createJsonEditor(jsonHost, {
        doc: store.get().jsonText,
        onChange: onJsonChange,
        completionContext: () => ({ userIdHash: store.get().draft.merchantUserId || undefined }),
      });
      return jsonEditor;
    })
    .catch((error: unknown) => {
      log("error", `The JSON editor failed to load: ${String(error)}`);
      jsonLoading = undefined;
      return undefined;
    });
  return jsonLoading;
};
store.watch(
  (state) => state.jsonText,
  (text) => {
    if (store.get().draftOrigin !== "json") jsonEditor?.setText(text);
  },
);

const referenceView = createReferenceView(() => store.get().settings.proxyUrl);
const editorTabs = createTabList<Layout["editorTab"]>(
  "Editors",
  "editor",
  [
    { id: "request", label: "Request", panel: h("div", {}, form) },
    { id: "json", label: "request.json", panel: h("div", { class: "flush" }, jsonHost) },
    { id: "image", label: "Before/after", panel: h("div", {}, createImageCompare(store)) },
    { id: "reference", label: "API reference", panel: h("div", {}, referenceView.element) },
  ],
  layout.editorTab,
  (editorTab) => {
    setLayout({ editorTab });
    if (editorTab === "json") void loadJsonEditor();
    if (editorTab === "reference") void referenceView.load();
  },
  {
    closable: true,
    arrangement: layout.editorTabs,
    onArrange: (editorTabs) =>
      setLayout({ editorTabs: { order: [...editorTabs.order], open: [...editorTabs.open] } }),
  },
);
if (layout.editorTab === "json") void loadJsonEditor();
if (layout.editorTab === "reference") void referenceView.load();

/** Which request the Code tab and "Copy as ..." are for: the last one sent, or the next one. */
let snippetSource: SnippetSource = "sent";
const responsePanel = h("div", { "data-testid": "response-view" });
const receiptPanel = h("div", { "data-testid": "receipt-view" });
const rawPanel = h("div");
const headersPanel = h("div");
const timelinePanel = h("div");
const panelTabs = createTabList<Layout["panelTab"]>(
  "Panel",
  "panel",
  [
    { id: "response", label: "Response", panel: responsePanel },
    { id: "receipt", label: "Receipt", panel: receiptPanel },
    { id: "raw", label: "Raw JSON", panel: rawPanel },
    { id: "headers", label: "Headers", panel: headersPanel },
    { id: "timeline", label: "Timeline", panel: timelinePanel },
    {
      id: "code",
      label: "Code",
      panel: h(
        "div",
        {},
        createCodeView(store, (message) => log("info", message), {
          get: () => snippetSource,
          set: (next) => {
            snippetSource = next;
          },
        }),
      ),
    },
    {
      id: "problems",
      label: "Problems",
      panel: createProblemsView(store, () => showEditorTab("json")),
    },
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
  layout.panelTab,
  (panelTab) => setLayout({ panelTab }),
);
watchResultPanels(store, {
  response: responsePanel,
  receipt: receiptPanel,
  raw: rawPanel,
  headers: headersPanel,
  timeline: timelinePanel,
  cancel: () => controller.cancel(),
  showResponse: () => showPanelTab("response"),
});
const labelProblems = (text: string) => {
  const count = lintRequest(text).length;
  panelTabs.setLabel("problems", count ? `Problems (${count})` : "Problems");
};
store.watch((state) => state.jsonText, labelProblems);
labelProblems(store.get().jsonText);

function showPanelTab(tab: Layout["panelTab"]) {
  setLayout({ panelVisible: true, panelTab: tab });
  panelTabs.select(tab);
}
function showEditorTab(tab: Layout["editorTab"]) {
  editorTabs.select(tab, { focus: true });
}
function showActivity(activity: Layout["activity"]) {
  setLayout({ activity, sideBarVisible: true });
}

const controller = createSendController({
  store,
  pipeline,
  history: () => historyStore,
  log,
  showResult: () => showPanelTab("response"),
  refreshHistory,
});

// Health of the proxy: at start, when the URL changes, and every 30 s while the page is visible.
const checkHealth = async () => {
  const { proxyUrl } = store.get().settings;
  const health = await probeHealth(proxyUrl);
  if (store.get().settings.proxyUrl !== proxyUrl) return;
  store.set({ health });
  return health;
};
store.watch(
  (state) => state.settings.proxyUrl,
  () => void checkHealth(),
);
void checkHealth().then((health) => {
  const { proxyUrl } = store.get().settings;
  if (health?.corsBlocked)
    log("warn", `The proxy at ${proxyUrl} is up but does not allow this origin (${location.origin}).`);
  else if (health && !health.up)
    log("warn", `The proxy at ${proxyUrl} does not answer /healthz. Start the local stack with npm start.`);
});
setInterval(() => {
  if (document.visibilityState === "visible") void checkHealth();
}, 30_000);

const loadSample = async (sample: Sample) => {
  // On a phone the side bar covers the request: close it so the sample and Send are in view.
  if (isNarrow()) setLayout({ sideBarVisible: false });
  showEditorTab("request");
  // A fresh MerchantBizId on every load: a sample must never replay the answer stored for an earlier run.
  updateDraft({ ...sample.draft, merchantBizId: createMerchantBizId() });
  store.set({ bizIdPinned: false });
  fillUserId(form, sample.userId);
  log(
    "info",
    `Loaded the "${sample.label}" sample.${sample.needsEmulator ? ` ${sample.needsEmulator}` : ""}`,
  );
  if (sample.needsEmulator && !isEmulatorUpstream(store.get().settings.proxyUrl, emulatorProxyUrl))
    log(
      "warn",
      `The "${sample.label}" sample shows what it says only through npm start's proxy and emulator.`,
    );
  if (sample.image) {
    const options = sample.image;
    // Registered before the picture is drawn, so a send right now waits for this picture, not the previous one.
    const drawn = import("./image/sample-image.js").then(({ generateSampleImage }) =>
      generateSampleImage(options),
    );
    await pipeline.pick(drawn, `sample-${sample.id}.jpg`, "sample");
  }
};

// History actions.
function openHistoryEntry(entry: HistoryEntry) {
  store.set({
    draft: entry.draft,
    draftOrigin: "program",
    jsonText: formatDraft(entry.draft),
    bizIdPinned: true,
    result: resultFromEntry(entry),
  });
  showEditorTab("request");
  showPanelTab("response");
  log("info", `Opened the request of ${entry.createdAt} from the history.`);
}
const historyView = createHistoryView(store, {
  open: (entry) => openHistoryEntry(entry),
  rerun: (entry) => {
    const next = { ...entry.draft, merchantBizId: createMerchantBizId() };
    store.set({ draft: next, draftOrigin: "program", jsonText: formatDraft(next), bizIdPinned: false });
    log("info", `Re-running the request of ${entry.createdAt} with a new MerchantBizId.`);
    void controller.send({ rerun: true });
  },
  remove: (entry) => {
    if (entry.id === undefined || !historyStore) return;
    void historyStore.delete(entry.id).then(refreshHistory);
  },
  copyCurl: (entry) => {
    const { curl } = generateSnippets({
      proxyUrl: entry.proxyUrl,
      callerKey: store.get().settings.callerKey,
      draft: entry.draft,
    });
    void copyText(curl, "curl", (message) => log("info", message));
  },
  showCode: (entry) => {
    openHistoryEntry(entry);
    snippetSource = "sent";
    showPanelTab("code");
  },
  exportAll: () => exportAllHistory(),
  clear: () => clearHistory(),
});
function clearHistory() {
  if (!historyStore || !window.confirm("Delete every entry of the history?")) return;
  void historyStore.clear().then(refreshHistory);
  log("info", "Cleared the history.");
}
const exportAllHistory = () => {
  downloadText(
    exportHistory(store.get().history),
    `liveness-playground-history-${new Date().toISOString().slice(0, 19).replaceAll(":", "-")}.json`,
  );
  log("info", `Exported ${store.get().history.length} history entries.`);
};

// Saved requests (the Explorer's collection), kept in localStorage.
const collectionView = createCollection(storage, {
  current: () => store.get().draft,
  open: (item) => {
    showEditorTab("request");
    updateDraft({ ...item.draft, merchantBizId: createMerchantBizId() });
    store.set({ bizIdPinned: false });
    log("info", `Opened the saved request "${item.name}" with a fresh MerchantBizId.`);
  },
});

const settingsView = h(
  "div",
  {},
  createEnvironmentsView(store, environmentActions),
  createSettingsView(store, {
    save: (next) => store.set({ settings: next }),
    resetLayout: () => resetLayout(),
    checkHealth: () => void checkHealth(),
  }),
);
const sideBar = createSideBar(store, {
  explorer: h(
    "div",
    {},
    createExplorerView(store, (sample) => void loadSample(sample)),
    collectionView.element,
  ),
  history: historyView,
  settings: settingsView,
});
const activityBar = createActivityBar(store, (activity) => {
  const current = store.get().layout;
  if (current.activity === activity && current.sideBarVisible) setLayout({ sideBarVisible: false });
  else showActivity(activity);
});

function resetLayout() {
  const fresh = v.parse(LayoutSchema, {});
  store.set({ layout: fresh });
  editorTabs.arrange(fresh.editorTabs);
}

const mod = isApple() ? "Cmd" : "Ctrl";
const actions = {
  send: () => void controller.send(),
  newMerchantBizId: () => {
    updateDraft({ merchantBizId: createMerchantBizId() });
    store.set({ bizIdPinned: false });
  },
  pickImage: () => {
    showEditorTab("request");
    form.querySelector<HTMLInputElement>("#image-file")?.click();
  },
  openCamera: () => void openCamera(),
  loadSample: (sample: Sample) => void loadSample(sample),
  showActivity,
  toggleSideBar: () => setLayout({ sideBarVisible: !store.get().layout.sideBarVisible }),
  togglePanel: () => setLayout({ panelVisible: !store.get().layout.panelVisible }),
  showEditorTab,
  showPanelTab,
  setTheme: (theme: AppState["settings"]["theme"]) =>
    store.set((state) => ({ settings: { ...state.settings, theme } })),
  copySnippet: (language: SnippetLanguage) => {
    const snippets = generateSnippets(snippetInput(store.get(), snippetSource));
    void copyText(snippets[language], language, (message) => log("info", message));
  },
  exportHistory: exportAllHistory,
  clearHistory,
  checkHealth: () => void checkHealth(),
  resetLayout: () => resetLayout(),
  focusUserId: () => {
    showEditorTab("request");
    form.querySelector<HTMLInputElement>("#user-id")?.focus();
  },
};
const palette = createCommandPalette(() => [
  ...appCommands(actions, mod),
  ...environmentCommands(store.get().environments, environmentActions),
]);

const panelActions = h(
  "div",
  { class: "strip-actions" },
  h(
    "button",
    {
      type: "button",
      class: "small",
      "aria-label": "Hide the panel",
      title: `Hide the panel (${mod}+J)`,
      onclick: () => setLayout({ panelVisible: false }),
    },
    "✕",
  ),
);
const titleBar = h(
  "header",
  { class: "titlebar" },
  h("h1", {}, "liveness-kit playground"),
  h(
    "button",
    {
      type: "button",
      class: "command-center",
      onclick: () => palette.open(),
      "aria-keyshortcuts": "Control+Shift+P Meta+Shift+P F1",
    },
    `Search commands (${mod}+Shift+P)`,
  ),
);
const statusBar = createStatusBar(store, {
  checkHealth: () => void checkHealth(),
  openPalette: () => palette.open(),
  openSettings: () => showActivity("settings"),
  switchEnvironment: () => palette.open("environment "),
});

const requestBar = createRequestBar(store, {
  send: () => void controller.send(),
  cancel: () => controller.cancel(),
  setProxyUrl: (proxyUrl) => store.set((state) => ({ settings: { ...state.settings, proxyUrl } })),
});

const root = document.getElementById("app");
if (!root) throw new Error("index.html must have an element with id app");
root.replaceWith(
  createWorkbench(store, {
    titleBar,
    requestBar,
    activityBar,
    sideBar,
    editorTabs,
    panelTabs,
    panelActions,
    statusBar,
    overlays: [palette.element],
  }),
);

installKeybindings({
  palette: () => palette.open(),
  send: () => void controller.send(),
  toggleSideBar: actions.toggleSideBar,
  togglePanel: actions.togglePanel,
  cancelSend: () => {
    if (!store.get().sending) return false;
    controller.cancel();
    return true;
  },
  problems: () => showPanelTab("problems"),
});

// Paste an image anywhere; drop one anywhere (not only on the drop zone) without the browser navigating to it.
window.addEventListener("paste", (event) => {
  const files = [...(event.clipboardData?.files ?? [])].filter((file) => file.type.startsWith("image/"));
  if (files.length === 0) return;
  event.preventDefault();
  showEditorTab("request");
  pickFiles(files, "paste");
});
window.addEventListener("dragover", (event) => {
  if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
});
window.addEventListener("drop", (event) => {
  const files = [...(event.dataTransfer?.files ?? [])];
  if (files.length === 0) return;
  event.preventDefault();
  showEditorTab("request");
  pickFiles(files, "drop");
});

log(
  "info",
  `Playground ready. Proxy: ${settings.proxyUrl}. Press ${mod}+Shift+P for commands, ${mod}+Enter to send.`,
);
