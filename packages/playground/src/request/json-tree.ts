import type { SyntaxNode, Tree } from "@lezer/common";
import { parser } from "@lezer/json";

/** One step of a path into a JSON document: an object key or an array index. */
export type JsonPathStep = string | number;

/**
 * Parses JSON text into the Lezer syntax tree that the editor's JSON mode (`@codemirror/lang-json`) builds
 * with the same parser. Never throws: what is not JSON becomes error nodes (`⚠`) and the rest is recovered.
 */
export function parseJsonTree(text: string): Tree {
  return parser.parse(text);
}

const VALUE_NODES = new Set(["Object", "Array", "String", "Number", "True", "False", "Null"]);

/** Whether a node is a JSON value (not a key, a punctuation mark or an error). */
export function isValueNode(node: SyntaxNode): boolean {
  return VALUE_NODES.has(node.name);
}

/** The children of a node, in document order. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

/** The text of a string token (a `String` or a `PropertyName`), decoded; the raw text inside the quotes when it is broken. */
export function stringValue(node: SyntaxNode, text: string): string {
  const raw = text.slice(node.from, node.to);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.replace(/^"|"$/g, "");
  }
}

/** The decoded key of a `Property` node; undefined when the property has no name yet. */
export function propertyKey(property: SyntaxNode, text: string): string | undefined {
  const name = property.getChild("PropertyName");
  return name ? stringValue(name, text) : undefined;
}

/** The index of the item of the `Array` node `array` at `pos`: the commas before it (so an item being typed counts too). */
export function arrayIndex(array: SyntaxNode, pos: number): number {
  return childrenOf(array).filter((child) => child.name === "," && child.to <= pos).length;
}

/** The path from the document's root to `node` (keys and indexes of its enclosing properties and arrays). */
export function pathTo(node: SyntaxNode, text: string): JsonPathStep[] {
  const steps: JsonPathStep[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.name === "Property" && child.name !== "PropertyName") {
      const key = propertyKey(parent, text);
      if (key !== undefined) steps.unshift(key);
    } else if (parent.name === "Array") {
      steps.unshift(arrayIndex(parent, child.from));
    }
  }
  return steps;
}
