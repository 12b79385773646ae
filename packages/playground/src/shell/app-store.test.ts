import { describe, expect, test } from "vitest";
import { createAppStore, initialAppState, STORAGE_KEYS } from "./app-store.js";

/** localStorage as a Map. */
function memoryStorage(entries: Record<string, unknown> = {}) {
  const map = new Map(Object.entries(entries).map(([key, value]) => [key, JSON.stringify(value)]));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}

describe("initialAppState", () => {
  test("without storage: defaults, the build's proxy URL, an empty request with a fresh MerchantBizId", () => {
    const state = initialAppState(undefined, {
      proxyUrl: "http://127.0.0.1:9999",
      emulatorProxyUrl: "http://e",
    });
    expect(state.settings.proxyUrl).toBe("http://127.0.0.1:9999");
    expect(state.emulatorProxyUrl).toBe("http://e");
    expect(state.draft).toMatchObject({ merchantUserId: "", imageSource: "base64", faceQualityCheck: true });
    expect(state.draft.merchantBizId).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(state).toMatchObject({ sending: false, bizIdPinned: false, history: [], log: [] });
    expect(initialAppState(undefined).draft.merchantBizId).not.toBe(state.draft.merchantBizId);
  });

  test("stored settings win over the build's proxy URL; the active environment sets the URL and key", () => {
    const stored = memoryStorage({
      [STORAGE_KEYS.settings]: { proxyUrl: "http://stored:1", timeoutMs: 5000 },
    });
    expect(initialAppState(stored, { proxyUrl: "http://build:2" }).settings).toMatchObject({
      proxyUrl: "http://stored:1",
      timeoutMs: 5000,
    });
    const withEnvironment = memoryStorage({
      [STORAGE_KEYS.settings]: { proxyUrl: "http://stored:1", callerKey: "k1" },
      [STORAGE_KEYS.environments]: {
        active: "staging",
        list: [{ id: "staging", name: "Staging", proxyUrl: "https://staging.test", callerKey: "k2" }],
      },
    });
    expect(initialAppState(withEnvironment).settings).toMatchObject({
      proxyUrl: "https://staging.test",
      callerKey: "k2",
    });
  });
});

describe("createAppStore", () => {
  test("settings and layout are saved on change, and the active environment follows the proxy URL", () => {
    const storage = memoryStorage();
    const store = createAppStore(storage);
    store.set((state) => ({ settings: { ...state.settings, proxyUrl: "http://other:3" } }));
    store.set((state) => ({ layout: { ...state.layout, panelTab: "log" } }));
    expect(JSON.parse(storage.map.get(STORAGE_KEYS.settings)!).proxyUrl).toBe("http://other:3");
    expect(JSON.parse(storage.map.get(STORAGE_KEYS.layout)!).panelTab).toBe("log");
    const environments = JSON.parse(storage.map.get(STORAGE_KEYS.environments)!);
    const active = environments.list.find((env: { id: string }) => env.id === environments.active);
    expect(active.proxyUrl).toBe("http://other:3");
  });
});
