import type { AppState } from "../shell/app-state.js";
import { h } from "../shell/h.js";
import type { Store } from "../shell/store.js";
import type { JsonEditor } from "./json-editor.js";

/**
 * The request.json tab: a placeholder until the editor (CodeMirror, a separate chunk) is first needed, then
 * the editor, kept in step with the draft whenever the form or the app changed it.
 */
export function createJsonEditorHost(
  store: Store<AppState>,
  deps: { onChange(text: string): void; log(level: "error", message: string): void },
): { readonly element: HTMLElement; load(): Promise<JsonEditor | undefined> } {
  const element = h("div", { class: "json-host" }, h("p", { class: "json-status" }, "Loading the editor…"));
  let editor: JsonEditor | undefined;
  let loading: Promise<JsonEditor | undefined> | undefined;
  const load = () => {
    loading ??= import("./json-editor.js")
      .then(({ createJsonEditor }) => {
        element.replaceChildren();
        editor = createJsonEditor(element, {
          doc: store.get().jsonText,
          onChange: deps.onChange,
          completionContext: () => ({ userIdHash: store.get().draft.merchantUserId || undefined }),
        });
        return editor;
      })
      .catch((error: unknown) => {
        deps.log("error", `The JSON editor failed to load: ${String(error)}`);
        loading = undefined;
        return undefined;
      });
    return loading;
  };
  store.watch(
    (state) => state.jsonText,
    (text) => {
      if (store.get().draftOrigin !== "json") editor?.setText(text);
    },
  );
  return { element, load };
}
