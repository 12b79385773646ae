import type { AppState } from "../shell/app-state.js";
import { h, replaceChildren } from "../shell/h.js";
import type { Store } from "../shell/store.js";
import type { PickedImage } from "./picked-image.js";
import { formatBytes } from "./preflight-checklist.js";

/** The Image tab: the picture as picked and as it will be sent, side by side. */
export function createImageCompare(store: Store<AppState>): HTMLElement {
  const view = h("div", { "data-testid": "image-compare" });
  const render = (image: PickedImage | undefined) => {
    if (!image) {
      replaceChildren(
        view,
        h(
          "p",
          { class: "placeholder" },
          "No image yet: pick, drop or paste one in the Request tab, or load a sample.",
        ),
      );
      return;
    }
    const figure = (title: string, version: PickedImage["original"] | undefined, extra: string) =>
      h(
        "figure",
        {},
        version
          ? h("img", {
              src: version.url,
              alt: `${title}: ${image.name}, ${version.width ?? "?"}x${version.height ?? "?"} px`,
            })
          : h("p", { class: "placeholder" }, "Compressing…"),
        h(
          "figcaption",
          {},
          h("strong", {}, title),
          version
            ? ` · ${version.width ?? "?"}x${version.height ?? "?"} px · ${formatBytes(version.bytes.length)}${extra}`
            : "",
        ),
      );
    const after = image.compressed;
    replaceChildren(
      view,
      h(
        "div",
        { class: "previews" },
        figure("Before", image.original, ""),
        figure(
          "After",
          after,
          after ? (after.kept ? " · kept as picked" : ` · ${Math.round(after.durationMs)} ms`) : "",
        ),
      ),
    );
  };
  store.watch((state) => state.image, render);
  render(store.get().image);
  return view;
}
