import { h } from "../shell/h.js";
import type { ChecklistItem } from "./preflight-checklist.js";

const MARK = { pass: "✓", fail: "✗", unknown: "?" } as const;
const SPOKEN = { pass: "passes", fail: "fails", unknown: "unknown" } as const;

/** The preflight checklist as a list; `testId` prefixes stable test ids (`preflight-after-portrait`, ...). */
export function checklistView(items: readonly ChecklistItem[], testId: string, label: string): HTMLElement {
  return h(
    "ul",
    { class: "checklist", "data-testid": testId, "aria-label": label },
    ...items.map((item) =>
      h(
        "li",
        { class: item.status, "data-testid": `${testId}-${item.id}`, "data-status": item.status },
        h("span", { class: "mark", "aria-hidden": "true" }, MARK[item.status]),
        h(
          "span",
          {},
          h("span", { class: "visually-hidden" }, `${SPOKEN[item.status]}: `),
          item.label,
          h("span", { class: "detail" }, item.detail),
          item.fix ? h("span", { class: "fix" }, `Fix: ${item.fix}`) : null,
        ),
      ),
    ),
  );
}
