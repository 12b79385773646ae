import type { AppState } from "../shell/app-state.js";
import { h, replaceChildren } from "../shell/h.js";
import type { Store } from "../shell/store.js";

/** What the request bar asks of the app. */
export interface RequestBarActions {
  send(): void;
  cancel(): void;
  /** Saves a new proxy base URL (the bar shows it with `/v1/face-liveness`). */
  setProxyUrl(proxyUrl: string): void;
}

const PATH = "/v1/face-liveness";

/** The proxy base URL of a URL typed in the bar (with or without the endpoint's path), or undefined. */
export function proxyBaseFromUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    const path = url.pathname.replace(/\/+$/, "");
    const base = path.endsWith(PATH) ? path.slice(0, -PATH.length) : path;
    return `${url.origin}${base}`;
  } catch {
    return undefined;
  }
}

/**
 * The bar at the top of the editor, as in every API client: the method, the URL (editable: it sets the proxy
 * URL) and Send, which becomes Cancel (Escape) while a request runs. Always in view, whatever scrolls below.
 */
export function createRequestBar(store: Store<AppState>, actions: RequestBarActions): HTMLElement {
  const url = h("input", {
    type: "url",
    id: "request-url",
    "aria-label": "Request URL",
    spellcheck: "false",
    autocomplete: "off",
    "data-testid": "request-url",
  });
  const urlError = h("span", { class: "error-text", id: "request-url-error", "aria-live": "polite" });
  url.setAttribute("aria-describedby", "request-url-error");
  url.addEventListener("change", () => {
    const base = proxyBaseFromUrl(url.value);
    urlError.textContent = base ? "" : "Enter an http:// or https:// URL.";
    url.setAttribute("aria-invalid", String(!base));
    if (base) actions.setProxyUrl(base);
  });
  const button = h("button", { type: "button", class: "primary", "data-testid": "send" }, "Send");
  button.addEventListener("click", () => (store.get().sending ? actions.cancel() : actions.send()));
  const progress = h("span", { class: "bar-progress" });
  const bar = h(
    "div",
    { class: "request-bar", role: "group", "aria-label": "Request line" },
    h("span", { class: "method" }, "POST"),
    url,
    button,
    progress,
    urlError,
  );
  const render = (state: AppState) => {
    const endpoint = `${state.settings.proxyUrl.replace(/\/+$/, "")}${PATH}`;
    if (document.activeElement !== url && url.value !== endpoint) url.value = endpoint;
    button.textContent = state.sending ? "Cancel" : "Send";
    button.setAttribute("aria-keyshortcuts", state.sending ? "Escape" : "Control+Enter Meta+Enter");
    button.title = state.sending ? "Cancel the request (Escape)" : "Send (Ctrl+Enter, Cmd+Enter on a Mac)";
    button.classList.toggle("danger", state.sending);
    if (state.sending) {
      const value = state.uploadProgress;
      const bar =
        value === undefined
          ? h("progress", { "aria-label": "Sending", "data-testid": "upload-progress" })
          : h("progress", {
              max: 1,
              value,
              "aria-label": "Upload progress",
              "data-testid": "upload-progress",
            });
      if (progress.firstElementChild?.getAttribute("value") !== String(value)) replaceChildren(progress, bar);
    } else if (progress.firstChild) {
      progress.replaceChildren();
    }
  };
  store.subscribe(render);
  render(store.get());
  return bar;
}
