import type { SyntaxNode, Tree } from "@lezer/common";
import { parseJsonWithSpans, type Span } from "./json-spans.js";
import { childrenOf, isValueNode, type JsonPathStep, propertyKey } from "./json-tree.js";

/** The key or value under a position of a JSON text: its path and range. */
export interface PathAt extends Span {
  readonly path: readonly JsonPathStep[];
  /** Whether the position is on the key (name) or inside the value. */
  readonly on: "key" | "value";
}

/**
 * Finds the deepest key or value containing `pos` (its ends included) in a valid JSON text, for hover
 * documentation. Returns undefined on invalid JSON or between tokens. Pass the editor's tree of `text` to
 * skip parsing it again.
 */
export function pathAt(text: string, pos: number, tree?: Tree): PathAt | undefined {
  const parsed = parseJsonWithSpans(text, tree);
  if (!parsed.ok) return undefined;
  const contains = (node: SyntaxNode) => pos >= node.from && pos <= node.to;
  const path: JsonPathStep[] = [];
  let node: SyntaxNode | undefined = parsed.root.node;
  while (node && contains(node)) {
    if (node.name === "Object") {
      let inner: SyntaxNode | undefined;
      for (const property of node.getChildren("Property")) {
        const name = property.getChild("PropertyName");
        const key = propertyKey(property, text) ?? "";
        if (name && contains(name)) return { from: name.from, to: name.to, path: [...path, key], on: "key" };
        const value = property.lastChild;
        if (value && contains(value)) {
          path.push(key);
          inner = value;
          break;
        }
      }
      node = inner;
    } else if (node.name === "Array") {
      const items = childrenOf(node).filter(isValueNode);
      const index = items.findIndex(contains);
      path.push(index);
      node = items[index];
    } else {
      return { from: node.from, to: node.to, path, on: "value" };
    }
  }
  return undefined;
}
