import type { SyntaxNode, Tree } from "@lezer/common";
import { findSyntaxError, type JsonSyntaxError } from "./json-syntax-error.js";
import { childrenOf, isValueNode, type JsonPathStep, parseJsonTree, propertyKey } from "./json-tree.js";

/** A range of a text, `from` inclusive, `to` exclusive (CodeMirror's convention). */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** The root value of a parsed document: its syntax node and the text the tree's positions refer to. */
export interface JsonRoot extends Span {
  readonly node: SyntaxNode;
  readonly text: string;
}

/** The outcome of {@link parseJsonWithSpans}: the root and the plain value, or where the text stops being JSON. */
export type ParsedJson =
  | { readonly ok: true; readonly root: JsonRoot; readonly value: unknown }
  | { readonly ok: false; readonly error: JsonSyntaxError };

/**
 * Parses JSON (as strict as `JSON.parse`) and keeps the syntax tree, so schema issues can be underlined
 * where they are. Returns the first syntax error with its position instead of throwing; nesting deeper than
 * 256 levels is refused. Pass the editor's tree (`syntaxTree(state)`) to skip parsing the text again.
 */
export function parseJsonWithSpans(text: string, tree: Tree = parseJsonTree(text)): ParsedJson {
  const error = findSyntaxError(tree, text);
  if (error) return { ok: false, error };
  const node = tree.topNode.firstChild;
  try {
    // The tree is valid JSON, so JSON.parse agrees; it also keeps a "__proto__" key a plain key.
    if (node)
      return { ok: true, root: { node, text, from: node.from, to: node.to }, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: { from: 0, to: text.length, message: String(error) } };
  }
  return { ok: false, error: { from: 0, to: 0, message: "Unexpected end of input, expected a value" } };
}

/** The member whose value a path reached: its key and the range of that key. */
export interface JsonEntry {
  readonly key: string;
  readonly keySpan: Span;
}

/** Where a path of keys and indexes leads: the node (and its entry when it is an object member). */
export interface PathLocation {
  /** The deepest value node reached; the root when nothing of the path exists. */
  readonly node: SyntaxNode;
  /** The member whose value is `node`, when `node` was reached through a key. */
  readonly entry?: JsonEntry;
  /** True when the whole path exists; false when it stopped early (e.g. a missing key). */
  readonly exact: boolean;
}

/** Follows `path` from the `root` value of a valid document; with duplicate keys the last one wins, as with `JSON.parse`. */
export function locatePath(root: JsonRoot, path: readonly JsonPathStep[]): PathLocation {
  const { text } = root;
  let node = root.node;
  let entry: JsonEntry | undefined;
  for (const step of path) {
    let next: { node: SyntaxNode; entry?: JsonEntry } | undefined;
    if (node.name === "Object") {
      for (const property of node.getChildren("Property")) {
        const name = property.getChild("PropertyName");
        const value = property.lastChild;
        if (name && value && isValueNode(value) && propertyKey(property, text) === String(step))
          next = { node: value, entry: { key: String(step), keySpan: { from: name.from, to: name.to } } };
      }
    } else if (node.name === "Array" && typeof step === "number") {
      const item = childrenOf(node).filter(isValueNode)[step];
      if (item) next = { node: item };
    }
    if (!next) return { node, ...(entry ? { entry } : {}), exact: false };
    node = next.node;
    entry = next.entry;
  }
  return { node, ...(entry ? { entry } : {}), exact: true };
}
