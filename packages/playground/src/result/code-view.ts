import type { AppState } from "../shell/app-state.js";
import { h, replaceChildren } from "../shell/h.js";
import type { Store } from "../shell/store.js";
import { createTabList } from "../shell/tab-list.js";
import { generateSnippets, SNIPPET_LANGUAGES, type SnippetLanguage } from "./snippets/code-snippets.js";

/** The Code tab: curl, TypeScript with core and ky, generated live from the request, with copy buttons. */
export function createCodeView(store: Store<AppState>, log: (message: string) => void): HTMLElement {
  const blocks = new Map<SnippetLanguage, HTMLElement>();
  const tabs = createTabList(
    "Snippet language",
    "code",
    SNIPPET_LANGUAGES.map(({ id, label, file, run }) => {
      const pre = h("pre", {
        class: "code",
        tabindex: 0,
        "data-testid": `code-${id}`,
        "aria-label": `${label} snippet`,
      });
      blocks.set(id, pre);
      const copy = h(
        "button",
        { type: "button", class: "small", onclick: () => void copyText(pre.textContent ?? "", label, log) },
        `Copy ${label}`,
      );
      return {
        id,
        label,
        panel: h(
          "div",
          {},
          h(
            "div",
            { class: "row", style: "margin-bottom: 8px" },
            copy,
            h("span", { class: "help" }, "Save as ", h("code", {}, file), ", run ", h("code", {}, run)),
          ),
          pre,
        ),
      };
    }),
    "curl",
    () => {},
  );
  for (const panel of tabs.panels.children) (panel as HTMLElement).style.position = "static";
  const render = (state: AppState) => {
    const snippets = generateSnippets({
      proxyUrl: state.settings.proxyUrl,
      callerKey: state.settings.callerKey,
      draft: state.draft,
    });
    for (const [id, pre] of blocks) {
      if (pre.textContent !== snippets[id]) replaceChildren(pre, snippets[id]);
    }
  };
  store.watch(
    (state) => state.draft,
    () => render(store.get()),
  );
  store.watch(
    (state) => state.settings,
    () => render(store.get()),
  );
  render(store.get());
  return h(
    "div",
    {},
    h(
      "p",
      { class: "help" },
      "Generated from the current request. The image is elided: the code reads it from a file.",
    ),
    tabs.tablist,
    tabs.panels,
  );
}

/** Copies text to the clipboard and says so in the log. */
export async function copyText(text: string, what: string, log: (message: string) => void): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    log(`Copied the ${what} snippet to the clipboard.`);
  } catch {
    log(
      `Could not copy the ${what} snippet: the clipboard is not available here (select the text and copy it).`,
    );
  }
}
