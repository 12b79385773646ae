import type { SendResult } from "../send/send-result.js";
import { h, replaceChildren } from "../shell/h.js";

/** The Raw JSON tab: the answer exactly as received (pretty-printed when it is JSON). */
export function renderRaw(container: HTMLElement, result: SendResult | undefined): void {
  const exchange = result?.exchange;
  if (!exchange) {
    replaceChildren(container, h("p", { class: "placeholder" }, "No answer yet."));
    return;
  }
  const text = exchange.body === undefined ? exchange.bodyText : JSON.stringify(exchange.body, null, 2);
  replaceChildren(
    container,
    h("p", { class: "help" }, `HTTP ${exchange.status}, ${exchange.bodyText.length} characters`),
    h("pre", { class: "code", "data-testid": "raw-json", tabindex: 0, "aria-label": "Raw answer" }, text),
  );
}
