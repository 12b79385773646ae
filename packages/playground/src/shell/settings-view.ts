import * as v from "valibot";
import type { AppState } from "./app-state.js";
import { h } from "./h.js";
import { type Settings, SettingsSchema, THEMES } from "./settings.js";
import type { Store } from "./store.js";

const THEME_LABELS: Record<(typeof THEMES)[number], string> = {
  system: "Follow the system",
  light: "Light",
  dark: "Dark",
  "high-contrast": "High contrast",
};

/** The Settings view: proxy URL and caller key, theme, timeout, retries, what the history keeps. Saved on change. */
export function createSettingsView(
  store: Store<AppState>,
  actions: { save(settings: Settings): void; resetLayout(): void; checkHealth(): void },
): HTMLElement {
  const field = (id: string, label: string, control: HTMLElement, help?: string) =>
    h(
      "div",
      { class: "field" },
      h("label", { for: id }, label),
      control,
      help ? h("div", { class: "help", id: `${id}-help` }, help) : null,
      h("div", { class: "error-text", id: `${id}-error`, "aria-live": "polite" }),
    );
  const proxyUrl = h("input", {
    type: "url",
    id: "setting-proxy-url",
    "aria-describedby": "setting-proxy-url-help setting-proxy-url-error",
  });
  const callerKey = h("input", {
    type: "password",
    id: "setting-caller-key",
    autocomplete: "off",
    "aria-describedby": "setting-caller-key-help",
  });
  const showKey = h("input", { type: "checkbox", id: "setting-show-key" });
  showKey.addEventListener("change", () => {
    callerKey.type = showKey.checked ? "text" : "password";
  });
  const theme = h(
    "select",
    { id: "setting-theme" },
    ...THEMES.map((id) => h("option", { value: id }, THEME_LABELS[id])),
  );
  const timeout = h("input", {
    type: "number",
    id: "setting-timeout",
    min: 1,
    max: 120,
    step: 1,
    "aria-describedby": "setting-timeout-error",
  });
  const retries = h("input", {
    type: "number",
    id: "setting-retries",
    min: 0,
    max: 5,
    step: 1,
    "aria-describedby": "setting-retries-error",
  });
  const keepThumbnails = h("input", {
    type: "checkbox",
    id: "setting-keep-thumbnails",
    "aria-describedby": "setting-keep-thumbnails-help",
  });
  const sendFailing = h("input", { type: "checkbox", id: "setting-send-failing" });

  const view = h(
    "form",
    { "aria-label": "Settings", novalidate: true, style: "padding: 8px" },
    field(
      "setting-proxy-url",
      "Proxy URL",
      proxyUrl,
      "The liveness-kit proxy; the local stack's is http://127.0.0.1:8787.",
    ),
    field(
      "setting-caller-key",
      "Caller key",
      callerKey,
      "Sent as Authorization: Bearer. The local stack's is dev-caller-key. Stored in this browser only.",
    ),
    h(
      "div",
      { class: "field check" },
      showKey,
      " ",
      h("label", { for: "setting-show-key" }, "Show the caller key"),
    ),
    field("setting-theme", "Theme", theme),
    field("setting-timeout", "Timeout per attempt (seconds)", timeout),
    field("setting-retries", "Retries on 429 and 5xx", retries),
    h(
      "div",
      { class: "field check" },
      keepThumbnails,
      " ",
      h("label", { for: "setting-keep-thumbnails" }, "Keep a thumbnail of the face in the history"),
      h(
        "p",
        { class: "help", id: "setting-keep-thumbnails-help" },
        "Off by default: a face is biometric data. When on, each new history entry keeps a JPEG of at most 48x64 px (a few KB) in this browser's IndexedDB.",
      ),
    ),
    h(
      "div",
      { class: "field check" },
      sendFailing,
      " ",
      h(
        "label",
        { for: "setting-send-failing" },
        "Send pictures that fail the preflight (to see the API's own error)",
      ),
    ),
    h(
      "div",
      { class: "row" },
      h("button", { type: "button", class: "small", onclick: () => actions.checkHealth() }, "Check proxy"),
      h("button", { type: "button", class: "small", onclick: () => actions.resetLayout() }, "Reset layout"),
    ),
  );

  const error = (id: string, message: string) => {
    const target = view.querySelector(`#${id}-error`);
    if (target) target.textContent = message;
    view.querySelector(`#${id}`)?.setAttribute("aria-invalid", String(message !== ""));
  };
  const commit = () => {
    const current = store.get().settings;
    const candidate = {
      proxyUrl: proxyUrl.value.trim(),
      callerKey: callerKey.value,
      theme: theme.value,
      timeoutMs: Math.round(Number(timeout.value) * 1000),
      retries: Number(retries.value),
      keepThumbnails: keepThumbnails.checked,
      sendFailingImages: sendFailing.checked,
    };
    // Each field is checked on its own so one bad field does not block the others.
    const next: Record<string, unknown> = { ...current };
    const checks: [keyof Settings, string, string][] = [
      ["proxyUrl", "setting-proxy-url", "Enter an http:// or https:// URL."],
      ["callerKey", "setting-caller-key", "At most 4096 characters."],
      ["theme", "setting-theme", ""],
      ["timeoutMs", "setting-timeout", "Between 1 and 120 seconds."],
      ["retries", "setting-retries", "Between 0 and 5."],
      ["keepThumbnails", "setting-keep-thumbnails", ""],
      ["sendFailingImages", "setting-send-failing", ""],
    ];
    for (const [key, id, message] of checks) {
      // Every field schema has a fallback: a value is valid exactly when parsing keeps it.
      const ok = v.parse(SettingsSchema.entries[key], candidate[key]) === candidate[key];
      if (ok) next[key] = candidate[key];
      error(id, ok ? "" : message);
    }
    actions.save(v.parse(SettingsSchema, next));
  };
  for (const control of [proxyUrl, callerKey, timeout, retries]) control.addEventListener("change", commit);
  for (const control of [theme, sendFailing, keepThumbnails]) control.addEventListener("change", commit);

  const render = (settings: Settings) => {
    const set = (input: HTMLInputElement | HTMLSelectElement, value: string) => {
      if (document.activeElement !== input && input.value !== value) input.value = value;
    };
    set(proxyUrl, settings.proxyUrl);
    set(callerKey, settings.callerKey);
    set(theme, settings.theme);
    set(timeout, String(settings.timeoutMs / 1000));
    set(retries, String(settings.retries));
    keepThumbnails.checked = settings.keepThumbnails;
    sendFailing.checked = settings.sendFailingImages;
  };
  store.watch((state) => state.settings, render);
  render(store.get().settings);
  return view;
}
