import { describe, expect, test } from "vitest";
import { LayoutSchema, loadPersisted, SettingsSchema, savePersisted } from "./settings.js";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

describe("persisted settings", () => {
  test("defaults when nothing is stored: the local stack's proxy and dev key", () => {
    expect(loadPersisted(memoryStorage(), "s", SettingsSchema)).toEqual({
      proxyUrl: "http://127.0.0.1:8787",
      callerKey: "dev-caller-key",
      theme: "system",
      timeoutMs: 20_000,
      retries: 2,
      keepThumbnails: false,
      sendFailingImages: false,
    });
  });

  test("environment overrides apply only when nothing is stored", () => {
    const overrides = { proxyUrl: "http://127.0.0.1:9999" };
    expect(loadPersisted(memoryStorage(), "s", SettingsSchema, overrides).proxyUrl).toBe(
      "http://127.0.0.1:9999",
    );
    const stored = memoryStorage({ s: JSON.stringify({ proxyUrl: "https://proxy.example" }) });
    expect(loadPersisted(stored, "s", SettingsSchema, overrides).proxyUrl).toBe("https://proxy.example");
  });

  test("round-trips through storage", () => {
    const storage = memoryStorage();
    const settings = {
      ...loadPersisted(storage, "s", SettingsSchema),
      theme: "high-contrast" as const,
      retries: 0,
    };
    savePersisted(storage, "s", settings);
    expect(loadPersisted(storage, "s", SettingsSchema)).toEqual(settings);
  });

  test("each bad field falls back alone; garbage JSON falls back entirely", () => {
    const storage = memoryStorage({
      s: JSON.stringify({
        proxyUrl: "javascript:alert(1)",
        theme: "neon",
        timeoutMs: 5,
        retries: 3,
        callerKey: "k",
      }),
    });
    expect(loadPersisted(storage, "s", SettingsSchema)).toMatchObject({
      proxyUrl: "http://127.0.0.1:8787",
      theme: "system",
      timeoutMs: 20_000,
      retries: 3,
      callerKey: "k",
    });
    expect(loadPersisted(memoryStorage({ l: "{not json" }), "l", LayoutSchema).panelTab).toBe("response");
  });

  test("a storage that throws does not break saving", () => {
    const throwing = {
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => savePersisted(throwing, "s", {})).not.toThrow();
  });
});
