import type { Tree } from "@lezer/common";
import { requestFieldNames } from "@liveness-kit/contract";
import * as v from "valibot";
import { locatePath, parseJsonWithSpans, type Span } from "./json-spans.js";
import { RequestDocumentSchema } from "./request-schema.js";

/** One problem in the request JSON, with the range to underline (CodeMirror's `Diagnostic` shape). */
export interface RequestDiagnostic extends Span {
  readonly severity: "error" | "warning";
  readonly message: string;
  /** The JSON path the problem is about (empty for syntax errors and the root). */
  readonly path: readonly (string | number)[];
}

/**
 * Lints the request JSON: syntax first, then the valibot schema, every issue placed on the key or value it
 * is about (a missing field on the opening brace of its object, an unknown field on its name). In the editor,
 * pass its syntax tree of `text` to skip parsing it again.
 */
export function lintRequest(text: string, tree?: Tree): RequestDiagnostic[] {
  const parsed = parseJsonWithSpans(text, tree);
  if (!parsed.ok) {
    const { from, to, message } = parsed.error;
    return [{ from, to: Math.max(to, from), severity: "error", message: `JSON: ${message}`, path: [] }];
  }
  // valibot's object schemas accept arrays as objects; the proxy does not.
  if (parsed.root.node.name !== "Object") {
    const { from, to } = parsed.root;
    return [{ from, to, severity: "error", message: "The request must be a JSON object", path: [] }];
  }
  const result = v.safeParse(RequestDocumentSchema, parsed.value, { abortEarly: false });
  if (result.success) return [];
  return result.issues.map((issue) => {
    const path = (issue.path ?? []).map((step) => step.key as string | number);
    const located = locatePath(parsed.root, path);
    const unknownKey = issue.type === "strict_object" && issue.expected === "never";
    const missingKey = issue.type === "strict_object" && !unknownKey;
    let span: Span = located.node;
    let message = issue.message;
    if (unknownKey && located.entry) {
      span = located.entry.keySpan;
      const allowed = requestFieldNames(path.slice(0, -1)).join(", ");
      message = `Unknown field "${String(path.at(-1))}": the proxy accepts ${allowed}.`;
    } else if (missingKey) {
      // Underline the opening brace of the object the field is missing from.
      span = { from: located.node.from, to: located.node.from + 1 };
      message = `Missing field "${String(path.at(-1))}".`;
    } else if (!located.exact) {
      span = { from: located.node.from, to: located.node.from + 1 };
    }
    return { from: span.from, to: span.to, severity: "error", message, path };
  });
}
