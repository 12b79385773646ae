import { createMerchantBizId } from "@liveness-kit/core/request";
import { activeEnvironment, readEnvironments, updateEnvironment } from "../environments/environments.js";
import { formatDraft, type RequestDraft } from "../request/request-draft.js";
import type { AppState } from "./app-state.js";
import { LayoutSchema, loadPersisted, readStored, SettingsSchema, savePersisted } from "./settings.js";
import { createStore, type Store } from "./store.js";

/** Where the settings, the layout and the environments are kept in localStorage. */
export const STORAGE_KEYS = {
  settings: "liveness-playground.settings",
  environments: "liveness-playground.environments",
  layout: "liveness-playground.layout",
} as const;

/** What the build says: the proxy to start with, and the one whose upstream is the local emulator (npm start). */
export interface BuildEnv {
  readonly proxyUrl?: string | undefined;
  readonly emulatorProxyUrl?: string | undefined;
}

/**
 * The state the playground starts in: the stored settings, layout and environments (the active environment
 * sets the proxy URL and caller key), and an empty request with a fresh MerchantBizId.
 */
export function initialAppState(storage: Pick<Storage, "getItem"> | undefined, env: BuildEnv = {}): AppState {
  const stored = loadPersisted(
    storage,
    STORAGE_KEYS.settings,
    SettingsSchema,
    env.proxyUrl ? { proxyUrl: env.proxyUrl } : {},
  );
  const environments = readEnvironments(readStored(storage, STORAGE_KEYS.environments), stored);
  const active = activeEnvironment(environments);
  const settings = active ? { ...stored, proxyUrl: active.proxyUrl, callerKey: active.callerKey } : stored;
  const draft: RequestDraft = {
    merchantBizId: createMerchantBizId(),
    merchantUserId: "",
    imageSource: "base64",
    imageUrl: "",
    faceQualityCheck: true,
  };
  return {
    settings,
    environments,
    ...(env.emulatorProxyUrl ? { emulatorProxyUrl: env.emulatorProxyUrl } : {}),
    layout: loadPersisted(storage, STORAGE_KEYS.layout, LayoutSchema),
    draft,
    draftOrigin: "program",
    jsonText: formatDraft(draft),
    bizIdPinned: false,
    sending: false,
    history: [],
    log: [],
  };
}

/**
 * The app's store, started from {@link initialAppState} and kept saved: the settings, the layout and the
 * environments are written back on every change, and the active environment follows edits of the proxy URL
 * and caller key (in Settings or the request bar).
 */
export function createAppStore(
  storage: Pick<Storage, "getItem" | "setItem"> | undefined,
  env: BuildEnv = {},
): Store<AppState> {
  const store = createStore(initialAppState(storage, env));
  store.watch(
    (state) => state.settings,
    (next) => savePersisted(storage, STORAGE_KEYS.settings, next),
  );
  store.watch(
    (state) => state.layout,
    (next) => savePersisted(storage, STORAGE_KEYS.layout, next),
  );
  store.watch(
    (state) => state.environments,
    (next) => savePersisted(storage, STORAGE_KEYS.environments, next),
  );
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
  return store;
}
