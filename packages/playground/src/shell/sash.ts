import { h } from "./h.js";

/** Options of {@link createSash}. */
export interface SashOptions {
  readonly orientation: "vertical" | "horizontal";
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** The current size of the pane the sash resizes. */
  get(): number;
  set(size: number): void;
  /** +1 when dragging right/down grows the pane, -1 when it shrinks it (the bottom panel). */
  readonly direction: 1 | -1;
}

/**
 * A draggable, keyboard-operable splitter (WAI-ARIA "window splitter": role separator with a value). Arrow
 * keys move it by 16 px, Home/End jump to the limits.
 */
export function createSash(options: SashOptions): HTMLElement {
  const vertical = options.orientation === "vertical";
  const sash = h("div", {
    class: `sash ${vertical ? "sash-v" : "sash-h"}`,
    role: "separator",
    tabindex: 0,
    "aria-label": options.label,
    // A vertical splitter separates columns; ARIA names the splitter's own orientation.
    "aria-orientation": vertical ? "vertical" : "horizontal",
    "aria-valuemin": options.min,
    "aria-valuemax": options.max,
  });
  const clamp = (size: number) => Math.round(Math.min(options.max, Math.max(options.min, size)));
  const setSize = (size: number) => {
    const next = clamp(size);
    options.set(next);
    sash.setAttribute("aria-valuenow", String(next));
  };
  sash.setAttribute("aria-valuenow", String(options.get()));
  sash.addEventListener("pointerdown", (event) => {
    event.preventDefault();
    sash.setPointerCapture(event.pointerId);
    const start = vertical ? event.clientX : event.clientY;
    const startSize = options.get();
    const move = (moveEvent: PointerEvent) => {
      const delta = (vertical ? moveEvent.clientX : moveEvent.clientY) - start;
      setSize(startSize + delta * options.direction);
    };
    const up = () => {
      sash.removeEventListener("pointermove", move);
      sash.removeEventListener("pointerup", up);
    };
    sash.addEventListener("pointermove", move);
    sash.addEventListener("pointerup", up);
  });
  sash.addEventListener("keydown", (event) => {
    const grow = vertical ? "ArrowRight" : "ArrowDown";
    const shrink = vertical ? "ArrowLeft" : "ArrowUp";
    let size: number | undefined;
    if (event.key === grow) size = options.get() + 16 * options.direction;
    else if (event.key === shrink) size = options.get() - 16 * options.direction;
    else if (event.key === "Home") size = options.min;
    else if (event.key === "End") size = options.max;
    if (size === undefined) return;
    event.preventDefault();
    setSize(size);
  });
  return sash;
}
