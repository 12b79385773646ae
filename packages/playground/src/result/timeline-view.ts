import type { SendResult } from "../send/send-result.js";
import { h, replaceChildren } from "../shell/h.js";
import type { TimelinePhase } from "./timeline.js";

/** The Timeline tab: client phases and the proxy's Server-Timing phases as bars, with the figures as text. */
export function renderTimeline(container: HTMLElement, result: SendResult | undefined): void {
  if (!result?.timeline.length) {
    replaceChildren(
      container,
      h("p", { class: "placeholder" }, "Send a request to see where the time goes."),
    );
    return;
  }
  const phases: readonly TimelinePhase[] = result.timeline;
  const total = Math.max(...phases.map((phase) => phase.start + phase.duration), 1);
  replaceChildren(
    container,
    h(
      "p",
      { class: "help" },
      "A waterfall: the client phases (blue), then the round trip with the proxy's Server-Timing phases inside it as they nest (green; total holds validate and upstream, upstream holds gate, sign and fetch), and the network (hatched): the round trip minus the proxy's total, drawn half out, half back.",
    ),
    h(
      "div",
      { class: "timeline", role: "list", "aria-label": "Timeline", "data-testid": "timeline" },
      ...phases.map((phase) =>
        h(
          "div",
          {
            class: `timeline-row ${phase.source}`,
            role: "listitem",
            "data-phase": phase.name,
            "data-depth": String(phase.depth),
          },
          h(
            "span",
            { style: `padding-left: ${phase.depth * 12}px` },
            phase.name,
            phase.note ? h("small", { class: "help" }, ` ${phase.note}`) : null,
          ),
          h(
            "div",
            { class: "timeline-track", "aria-hidden": "true" },
            h("span", {
              style: `left: ${(phase.start / total) * 100}%; width: ${(phase.duration / total) * 100}%`,
            }),
          ),
          h("span", { class: "ms" }, `${phase.duration.toFixed(phase.duration < 10 ? 1 : 0)} ms`),
        ),
      ),
    ),
  );
}
