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
  render(store.get().result);
}
