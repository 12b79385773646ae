import { h } from "./h.js";

/** The title bar: the product name and the command center, which opens the palette. */
export function createTitleBar(mod: string, openPalette: () => void): HTMLElement {
  return h(
    "header",
    { class: "titlebar" },
    h("h1", {}, "liveness-kit playground"),
    h(
      "button",
      {
        type: "button",
        class: "command-center",
        onclick: openPalette,
        "aria-keyshortcuts": "Control+Shift+P Meta+Shift+P F1",
      },
      `Search commands (${mod}+Shift+P)`,
    ),
  );
}

/** The panel strip's actions: hiding the panel. */
export function createPanelActions(mod: string, hidePanel: () => void): HTMLElement {
  return h(
    "div",
    { class: "strip-actions" },
    h(
      "button",
      {
        type: "button",
        class: "small",
        "aria-label": "Hide the panel",
        title: `Hide the panel (${mod}+J)`,
        onclick: hidePanel,
      },
      "✕",
    ),
  );
}
