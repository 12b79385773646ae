import * as v from "valibot";

/** The colour themes: VS Code's light, dark and high contrast, or whatever the system prefers. */
export const THEMES = ["system", "light", "dark", "high-contrast"] as const;
/** One of {@link THEMES}. */
export type Theme = (typeof THEMES)[number];

/** The editor's tabs. */
export const EDITOR_TABS = ["request", "json", "image", "reference"] as const;

/** The local stack's proxy (scripts/stack.mjs passes it to Vite as VITE_PROXY_URL). */
export const DEFAULT_PROXY_URL = "http://127.0.0.1:8787";

/** An http:// or https:// URL. */
export const HttpUrl = v.pipe(
  v.string(),
  v.check((text) => {
    try {
      const url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }),
);

/** What the Settings view edits; persisted in localStorage. Each field falls back alone when unreadable. */
export const SettingsSchema = v.object({
  proxyUrl: v.fallback(HttpUrl, DEFAULT_PROXY_URL),
  callerKey: v.fallback(v.pipe(v.string(), v.maxLength(4096)), "dev-caller-key"),
  theme: v.fallback(v.picklist(THEMES), "system"),
  timeoutMs: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(1_000), v.maxValue(120_000)), 20_000),
  retries: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)), 2),
  /** Keep a small thumbnail of the face with each history entry (a face is biometric data: off by default). */
  keepThumbnails: v.fallback(v.boolean(), false),
  /** Send images that fail the preflight anyway, to see the API's own error. */
  sendFailingImages: v.fallback(v.boolean(), false),
});

/** The playground's settings. */
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** The layout: which views and tabs are open and how big the panes are; persisted in localStorage. */
export const LayoutSchema = v.object({
  activity: v.fallback(v.picklist(["explorer", "history", "settings"]), "explorer"),
  sideBarVisible: v.fallback(v.boolean(), true),
  sideBarWidth: v.fallback(v.pipe(v.number(), v.minValue(160), v.maxValue(600)), 260),
  panelVisible: v.fallback(v.boolean(), true),
  panelHeight: v.fallback(v.pipe(v.number(), v.minValue(120), v.maxValue(900)), 300),
  editorTab: v.fallback(v.picklist(EDITOR_TABS), "request"),
  /** The editor tabs' order and which are open (closed tabs come back from the palette). */
  editorTabs: v.fallback(
    v.object({ order: v.array(v.picklist(EDITOR_TABS)), open: v.array(v.picklist(EDITOR_TABS)) }),
    { order: [...EDITOR_TABS], open: [...EDITOR_TABS] },
  ),
  panelTab: v.fallback(
    v.picklist(["response", "receipt", "raw", "headers", "timeline", "code", "problems", "log"]),
    "response",
  ),
});

/** The playground's layout. */
export type Layout = v.InferOutput<typeof LayoutSchema>;

/**
 * Reads a persisted object: unreadable JSON, a missing key or a field out of range gives that field's default,
 * never an exception. `overrides` (e.g. the proxy URL from the environment) apply when nothing was stored.
 */
export function loadPersisted<T extends v.GenericSchema>(
  storage: Pick<Storage, "getItem"> | undefined,
  key: string,
  schema: T,
  overrides: Record<string, unknown> = {},
): v.InferOutput<T> {
  const stored = readStored(storage, key);
  const input = typeof stored === "object" && stored !== null && !Array.isArray(stored) ? stored : overrides;
  return v.parse(schema, input);
}

/** The JSON stored under `key`, or null when there is none or it does not parse. */
export function readStored(storage: Pick<Storage, "getItem"> | undefined, key: string): unknown {
  try {
    return JSON.parse(storage?.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

/** Writes a persisted object; a full or disabled storage is ignored (the playground still works). */
export function savePersisted(
  storage: Pick<Storage, "setItem"> | undefined,
  key: string,
  value: unknown,
): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or quota: settings just do not persist.
  }
}
