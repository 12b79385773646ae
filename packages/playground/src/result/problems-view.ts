import { lintRequest } from "../request/lint-request.js";
import type { AppState } from "../shell/app-state.js";
import { h, replaceChildren } from "../shell/h.js";
import type { Store } from "../shell/store.js";

/**
 * The Problems tab (Ctrl/Cmd+Shift+M, as in VS Code): every lint problem of request.json with where it is;
 * activating one opens request.json.
 */
export function createProblemsView(store: Store<AppState>, openJson: () => void): HTMLElement {
  const list = h("ul", {
    class: "item-list",
    "aria-label": "Problems of request.json",
    "data-testid": "problems",
  });
  const render = (text: string) => {
    const problems = lintRequest(text);
    if (problems.length === 0) {
      replaceChildren(list, h("li", { class: "hint" }, "No problems in request.json."));
      return;
    }
    replaceChildren(
      list,
      ...problems.map((problem) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "item", onclick: openJson },
            `${problem.severity === "error" ? "Error" : "Warning"}: ${problem.message}`,
            h("small", {}, `${problem.path.join(".") || "request"}, offset ${problem.from}`),
          ),
        ),
      ),
    );
  };
  store.watch((state) => state.jsonText, render);
  render(store.get().jsonText);
  return h("div", {}, list);
}
