import { EMULATOR_NOTE, isEmulatorUpstream } from "../environments/upstream.js";
import type { AppState } from "../shell/app-state.js";
import { h } from "../shell/h.js";
import type { Store } from "../shell/store.js";
import { renderHeaders } from "./headers-view.js";
import { renderRaw } from "./raw-view.js";
import { renderResponse } from "./response-view.js";
import { renderSending } from "./sending-view.js";
import { renderTimeline } from "./timeline-view.js";

/** The panel's result tabs and what they need from the app. */
export interface ResultPanels {
  readonly response: HTMLElement;
  readonly receipt: HTMLElement;
  readonly raw: HTMLElement;
  readonly headers: HTMLElement;
  readonly timeline: HTMLElement;
  cancel(): void;
  showResponse(): void;
}

/**
 * Keeps the result tabs on the latest result. While a send runs, the Response tab says so (elapsed time,
 * attempt, Cancel) instead of showing the previous result; a result the emulator answered says so.
 */
export function watchResultPanels(store: Store<AppState>, panels: ResultPanels): void {
  let stopSendingClock = () => {};
  const render = (result: AppState["result"]) => {
    stopSendingClock();
    const state = store.get();
    if (state.sending) {
      stopSendingClock = renderSending(panels.response, store.get, panels.cancel);
    } else {
      renderResponse(panels.response, result);
      if (
        result?.proxyUrl &&
        result.kind !== "not-sent" &&
        isEmulatorUpstream(result.proxyUrl, state.emulatorProxyUrl)
      )
        panels.response.prepend(
          h("p", { class: "hint upstream-note", "data-testid": "result-upstream" }, EMULATOR_NOTE),
        );
    }
    renderReceiptLazily(panels.receipt, result, state.settings.proxyUrl);
    renderRaw(panels.raw, result);
    renderHeaders(panels.headers, result);
    renderTimeline(panels.timeline, result);
  };
  store.watch((state) => state.result, render);
  store.watch(
    (state) => state.sending,
    (sending) => {
      render(store.get().result);
      if (sending) panels.showResponse();
    },
  );
  // Opened again later, the tab checks again: times are relative to now, and a receipt may have expired since.
  store.watch(
    (state) => state.layout.panelTab,
    (tab) => {
      const state = store.get();
      if (tab === "receipt" && !state.sending)
        renderReceiptLazily(panels.receipt, state.result, state.settings.proxyUrl);
    },
  );
  render(store.get().result);
}

type ReceiptView = typeof import("../receipt/receipt-view.js");
let receiptView: ReceiptView | undefined;
let receiptViewLoading = false;
let pendingReceipt: (() => void) | undefined;

/**
 * The Receipt tab's code and core's verifier load on the first result, not with the page. Once loaded, the tab
 * is replaced at once (never a previous answer's receipt on screen); while loading, only the latest result is
 * rendered when it arrives.
 */
function renderReceiptLazily(panel: HTMLElement, result: AppState["result"], proxyUrl: string): void {
  if (!result) {
    pendingReceipt = undefined;
    panel.replaceChildren(h("p", { class: "placeholder" }, "No answer yet."));
    return;
  }
  if (receiptView) {
    void receiptView.renderReceipt(panel, result, proxyUrl);
    return;
  }
  panel.replaceChildren(h("p", { class: "placeholder" }, "Loading the receipt view…"));
  pendingReceipt = () => void receiptView?.renderReceipt(panel, result, proxyUrl);
  if (receiptViewLoading) return;
  receiptViewLoading = true;
  import("../receipt/receipt-view.js")
    .then((loaded) => {
      receiptView = loaded;
      pendingReceipt?.();
    })
    .catch((error: unknown) => {
      receiptViewLoading = false;
      panel.replaceChildren(
        h("p", { class: "placeholder" }, `The receipt view failed to load: ${String(error)}`),
      );
    });
}
