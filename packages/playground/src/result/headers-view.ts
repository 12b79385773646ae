import type { SendResult } from "../send/send-result.js";
import { h, replaceChildren } from "../shell/h.js";

/** The Headers tab: request headers (caller key masked) and response headers. */
export function renderHeaders(container: HTMLElement, result: SendResult | undefined): void {
  if (!result || result.kind === "not-sent") {
    replaceChildren(container, h("p", { class: "placeholder" }, "No request sent yet."));
    return;
  }
  const table = (caption: string, rows: readonly (readonly [string, string])[]) =>
    h(
      "table",
      { class: "headers" },
      h("caption", { style: "text-align: left; font-weight: 600; padding: 8px 0 4px" }, caption),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Value"))),
      h(
        "tbody",
        {},
        ...rows.map(([name, value]) =>
          h("tr", {}, h("td", { class: "mono" }, name), h("td", { class: "mono" }, value)),
        ),
      ),
    );
  replaceChildren(
    container,
    table("Request headers", result.requestHeaders),
    result.exchange
      ? table(`Response headers (HTTP ${result.exchange.status})`, result.exchange.headers)
      : h("p", {}, "No answer."),
    result.exchange && !result.exchange.headers.some(([name]) => name === "server-timing")
      ? h(
          "p",
          { class: "help" },
          "No Server-Timing visible: a cross-origin proxy must list it in Access-Control-Expose-Headers for the browser to show it.",
        )
      : null,
  );
}
