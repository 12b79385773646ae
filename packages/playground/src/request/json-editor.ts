import { autocompletion, type CompletionResult } from "@codemirror/autocomplete";
import { json } from "@codemirror/lang-json";
import { ensureSyntaxTree, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic, linter, lintGutter } from "@codemirror/lint";
import { Annotation, type EditorState } from "@codemirror/state";
import { EditorView, hoverTooltip } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { requestFieldAt } from "@liveness-kit/contract";
import { basicSetup } from "codemirror";
import { type CompletionContext, completeRequest } from "./complete-request.js";
import { lintRequest } from "./lint-request.js";
import { pathAt } from "./path-at.js";

/** The JSON editor the app drives. */
export interface JsonEditor {
  /** Replaces the text (from the form) without echoing it back as a change. */
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

/** What the editor needs from the app. */
export interface JsonEditorOptions {
  readonly doc: string;
  onChange(text: string): void;
  completionContext(): CompletionContext;
}

const external = Annotation.define<boolean>();

/**
 * The syntax tree `json()` keeps for the document (the same Lezer parser lint, completion and hover read),
 * finished if it is not yet; undefined if that takes too long, and then they parse the text themselves.
 */
const treeOf = (state: EditorState) => ensureSyntaxTree(state, state.doc.length, 50) ?? undefined;

// Token colours from the theme's CSS variables, so light, dark and high contrast all apply.
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--tok-key)" },
  { tag: tags.string, color: "var(--tok-string)" },
  { tag: tags.number, color: "var(--tok-number)" },
  { tag: [tags.bool, tags.null], color: "var(--tok-keyword)" },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: "var(--tok-punct)" },
]);

const theme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--bg)", fontSize: "13px" },
  ".cm-content": {
    caretColor: "var(--fg)",
    fontFamily: "ui-monospace, 'Cascadia Code', Menlo, Consolas, monospace",
  },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--selected-bg)",
  },
  ".cm-gutters": {
    backgroundColor: "var(--bg)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--hover-bg) 60%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--hover-bg)", color: "var(--fg)" },
  ".cm-tooltip": {
    backgroundColor: "var(--chrome-bg)",
    color: "var(--fg)",
    border: "1px solid var(--border)",
  },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": {
    backgroundColor: "var(--selected-bg)",
    color: "var(--fg)",
  },
  ".cm-completionDetail": { color: "var(--muted)" },
  ".cm-field-doc": { maxWidth: "420px", padding: "6px 8px" },
  ".cm-field-doc code": { color: "var(--tok-key)" },
  "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "-2px" },
});

/**
 * Creates the CodeMirror 6 editor for the request JSON: lint from the valibot schema (squiggles and hover
 * messages), completion of field names and values, and hover documentation of each field. Loaded lazily
 * (dynamic import) so CodeMirror stays out of the first load.
 */
export function createJsonEditor(parent: HTMLElement, options: JsonEditorOptions): JsonEditor {
  const view = new EditorView({
    parent,
    doc: options.doc,
    extensions: [
      basicSetup,
      json(),
      syntaxHighlighting(highlight),
      theme,
      lintGutter(),
      linter(
        (v): Diagnostic[] =>
          lintRequest(v.state.doc.toString(), treeOf(v.state)).map(({ from, to, severity, message }) => ({
            from,
            to,
            severity,
            message,
          })),
        {
          delay: 250,
        },
      ),
      autocompletion({
        override: [
          (context): CompletionResult | null => {
            const result = completeRequest(
              context.state.doc.toString(),
              context.pos,
              options.completionContext(),
              treeOf(context.state),
            );
            if (!result) return null;
            // Only pop up unasked when something is being typed or a key is expected.
            if (!context.explicit && result.from === context.pos && !context.matchBefore(/[{,:]\s*$/))
              return null;
            return {
              from: result.from,
              to: result.to,
              options: result.options.map((option) => ({
                label: option.label,
                apply: option.apply,
                type: option.type,
                ...(option.detail ? { detail: option.detail } : {}),
                ...(option.info ? { info: option.info } : {}),
              })),
              // completeRequest already filtered by the typed prefix (CodeMirror's filter would trip on the quote).
              filter: false,
            };
          },
        ],
      }),
      hoverTooltip((v, pos) => {
        const found = pathAt(v.state.doc.toString(), pos, treeOf(v.state));
        const field = found && requestFieldAt(found.path);
        if (!found || !field) return null;
        return {
          pos: found.from,
          end: found.to,
          above: true,
          create: () => {
            const dom = document.createElement("div");
            dom.className = "cm-field-doc";
            const name = document.createElement("code");
            name.textContent = `${field.path.join(".")}: ${field.type}${field.required ? " (required)" : ""}`;
            const text = document.createElement("div");
            text.textContent = field.summary;
            dom.append(name, text);
            return { dom };
          },
        };
      }),
      EditorView.contentAttributes.of({ "aria-label": "Request JSON", "data-testid": "json-editor" }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        if (update.transactions.some((tr) => tr.annotation(external))) return;
        options.onChange(update.state.doc.toString());
      }),
    ],
  });
  return {
    setText(text) {
      if (view.state.doc.toString() === text) return;
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: external.of(true),
      });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
