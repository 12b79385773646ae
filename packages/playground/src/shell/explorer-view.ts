import { SAMPLES, type Sample } from "../request/samples.js";
import type { AppState } from "./app-state.js";
import { h, replaceChildren } from "./h.js";
import type { Store } from "./store.js";

/** The Explorer: the sample requests, and what is loaded now. */
export function createExplorerView(
  store: Store<AppState>,
  loadSample: (sample: Sample) => void,
): HTMLElement {
  const current = h("div");
  const view = h(
    "section",
    { "aria-label": "Explorer" },
    h("h3", { id: "samples-title" }, "Sample requests"),
    h("p", { class: "hint" }, "Each loads a request and, where it needs one, draws its picture on a canvas."),
    h(
      "ul",
      { class: "item-list", "aria-labelledby": "samples-title" },
      ...SAMPLES.map((sample) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              class: "item",
              "data-testid": `sample-${sample.id}`,
              onclick: () => loadSample(sample),
            },
            sample.label,
            h(
              "small",
              {},
              sample.description,
              sample.needsEmulator
                ? h(
                    "span",
                    { class: "needs-emulator", "data-testid": "needs-emulator" },
                    sample.needsEmulator,
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
    h("h3", {}, "Loaded"),
    current,
  );
  const render = (state: AppState) => {
    const image = state.image;
    replaceChildren(
      current,
      h("p", { class: "hint" }, image ? `Image: ${image.name}` : "Image: none"),
      h("p", { class: "hint" }, `MerchantBizId: ${state.draft.merchantBizId || "(the proxy generates one)"}`),
    );
  };
  store.subscribe(render);
  render(store.get());
  return view;
}
