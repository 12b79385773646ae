import type { AppState } from "./app-state.js";
import { h, icon } from "./h.js";
import type { Layout } from "./settings.js";
import type { Store } from "./store.js";

// Simple 24x24 outline icons drawn for this app: documents, a clock, sliders.
const ICONS: Record<Layout["activity"], string> = {
  explorer:
    "M6 2h8l4 4v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 2v16h10V7h-3V4zm2 8h6v2H8zm0 4h6v2H8z",
  history:
    "M12 2a10 10 0 1 1 0 20a10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16a8 8 0 0 0 0-16zm-1 3h2v5.4l3.6 2.1-1 1.7L11 13.6z",
  settings: "M3 6h10v2H3zm14 0h4v2h-4zm-2-2h2v6h-2zM3 16h4v2H3zm8 0h10v2H11zm-4-2h2v6H7z",
};

const LABELS: Record<Layout["activity"], string> = {
  explorer: "Explorer (samples)",
  history: "History",
  settings: "Settings",
};

/**
 * The activity bar: a vertical toolbar (one tab stop, arrow keys move) of the side bar's views. Choosing the
 * open view again hides the side bar, as in VS Code.
 */
export function createActivityBar(
  store: Store<AppState>,
  choose: (activity: Layout["activity"]) => void,
): HTMLElement {
  const ids = Object.keys(ICONS) as Layout["activity"][];
  const buttons = ids.map((id) =>
    h(
      "button",
      {
        type: "button",
        class: "activity",
        "aria-label": LABELS[id],
        title: LABELS[id],
        "data-testid": `activity-${id}`,
        onclick: () => choose(id),
      },
      icon(ICONS[id]),
    ),
  );
  const toolbar = h(
    "div",
    { role: "toolbar", "aria-orientation": "vertical", "aria-label": "Views" },
    ...buttons,
  );
  let focusIndex = 0;
  toolbar.addEventListener("keydown", (event) => {
    const delta = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    const jump = event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : undefined;
    if (!delta && jump === undefined) return;
    event.preventDefault();
    focusIndex = jump ?? (focusIndex + delta + buttons.length) % buttons.length;
    render();
    buttons[focusIndex]?.focus();
  });
  toolbar.addEventListener("focusin", (event) => {
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index >= 0) focusIndex = index;
  });
  const render = () => {
    const { activity, sideBarVisible } = store.get().layout;
    for (const [index, button] of buttons.entries()) {
      button.setAttribute("aria-pressed", String(sideBarVisible && ids[index] === activity));
      button.tabIndex = index === focusIndex ? 0 : -1;
    }
  };
  focusIndex = ids.indexOf(store.get().layout.activity);
  store.watch((state) => state.layout, render);
  render();
  return h("nav", { class: "activitybar", "aria-label": "Activity bar" }, toolbar);
}
