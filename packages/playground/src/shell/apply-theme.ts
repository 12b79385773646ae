import type { AppState } from "./app-state.js";
import type { Theme } from "./settings.js";
import type { Store } from "./store.js";

/** The theme to draw: "system" resolves to light or dark from `prefers-color-scheme` (and high contrast from `forced-colors`). */
export function resolveTheme(theme: Theme, media: (query: string) => boolean): Exclude<Theme, "system"> {
  if (theme !== "system") return theme;
  if (media("(forced-colors: active)") || media("(prefers-contrast: more)")) return "high-contrast";
  return media("(prefers-color-scheme: light)") ? "light" : "dark";
}

/** Sets `data-theme` on the root element, following system changes while the setting is "system". */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): () => void {
  const media = (query: string) => window.matchMedia(query).matches;
  const update = () => {
    root.dataset.theme = resolveTheme(theme, media);
  };
  update();
  if (theme !== "system") return () => {};
  const queries = [
    "(prefers-color-scheme: light)",
    "(prefers-contrast: more)",
    "(forced-colors: active)",
  ].map((q) => window.matchMedia(q));
  for (const query of queries) query.addEventListener("change", update);
  return () => {
    for (const query of queries) query.removeEventListener("change", update);
  };
}

/** Applies the theme setting now and whenever it changes. */
export function watchTheme(store: Store<AppState>): void {
  let stop = applyTheme(store.get().settings.theme);
  store.watch(
    (state) => state.settings.theme,
    (theme) => {
      stop();
      stop = applyTheme(theme);
    },
  );
}
