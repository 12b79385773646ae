import { isEmulatorUpstream } from "../environments/upstream.js";
import { formatBytes } from "../image/preflight-checklist.js";
import type { AppState } from "./app-state.js";
import { h } from "./h.js";
import type { Store } from "./store.js";

/**
 * The status bar: proxy URL and health, region, bytes of the image to send, last latency, and a hidden live
 * region that announces each result to screen readers.
 */
export function createStatusBar(
  store: Store<AppState>,
  actions: { checkHealth(): void; openPalette(): void; openSettings(): void; switchEnvironment(): void },
): HTMLElement {
  const dot = h("span", { class: "dot", "aria-hidden": "true" });
  const proxyText = h("span", {});
  const proxy = h(
    "button",
    {
      type: "button",
      class: "status-item",
      "data-testid": "status-proxy",
      title: "Check the proxy's /healthz now",
      onclick: () => actions.checkHealth(),
    },
    dot,
    proxyText,
  );
  const environment = h("button", {
    type: "button",
    class: "status-item",
    "data-testid": "status-environment",
    title: "Switch the environment (proxy URL and caller key)",
    onclick: () => actions.switchEnvironment(),
  });
  const upstream = h("span", {
    class: "status-item",
    "data-testid": "status-upstream",
    title: "npm start runs this proxy in front of the local emulator, not Alibaba Cloud",
  });
  const region = h("span", { class: "status-item", "data-testid": "status-region" });
  const image = h("span", { class: "status-item", "data-testid": "status-image-bytes" });
  const latency = h("span", { class: "status-item", "data-testid": "status-latency" });
  const key = h("button", {
    type: "button",
    class: "status-item",
    onclick: () => actions.openSettings(),
    title: "Open Settings",
  });
  const announce = h("span", { class: "visually-hidden", role: "status", "data-testid": "status-announce" });
  const palette = h(
    "button",
    {
      type: "button",
      class: "status-item push",
      onclick: () => actions.openPalette(),
      "aria-keyshortcuts": "Control+Shift+P Meta+Shift+P",
    },
    "Commands: Ctrl+Shift+P",
  );

  const render = (state: AppState) => {
    const host = safeHost(state.settings.proxyUrl);
    const health = state.health;
    dot.className = `dot ${health ? (health.up ? "up" : "down") : ""}`;
    const word = !health
      ? "checking…"
      : health.up
        ? "up"
        : health.corsBlocked
          ? "up, refuses this origin (CORS)"
          : "down";
    proxyText.textContent = `Proxy ${host}: ${word}`;
    const env = state.environments.list.find((item) => item.id === state.environments.active);
    environment.textContent = `Env: ${env?.name ?? "custom"}`;
    const emulated = isEmulatorUpstream(state.settings.proxyUrl, state.emulatorProxyUrl);
    upstream.hidden = !emulated;
    upstream.textContent = emulated ? "Upstream: emulator" : "";
    region.textContent = `Region: ${state.lastRegion ?? health?.region ?? "—"}`;
    const compressed = state.image?.compressed;
    // In URL mode no picture bytes are sent: Alibaba downloads the URL.
    image.textContent =
      state.draft.imageSource === "url"
        ? "Image: by URL"
        : `Image: ${compressed ? formatBytes(compressed.bytes.length) : "—"}`;
    const requestMs = state.lastRequestMs;
    latency.textContent = `Last: ${requestMs === undefined ? "—" : `${Math.round(requestMs)} ms`}`;
    key.textContent = state.settings.callerKey === "dev-caller-key" ? "Key: dev-caller-key" : "Key: custom";
  };
  store.subscribe(render);
  store.watch(
    (state) => state.result,
    (result) => {
      if (!result) return;
      announce.textContent = result.answer
        ? `${result.answer.passed ? "Passed" : "Not passed"}, SubCode ${result.answer.subCode}`
        : result.failure
          ? `Error ${result.failure.code}: ${result.failure.meaning}`
          : `Not sent: ${result.notSent?.title ?? ""}`;
    },
  );
  render(store.get());
  return h(
    "footer",
    { class: "statusbar", "aria-label": "Status bar" },
    environment,
    proxy,
    upstream,
    region,
    image,
    latency,
    key,
    palette,
    announce,
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
