import { type JsonNode, parseJsonWithSpans, type Span } from "./json-spans.js";

/** The key or value under a position of a JSON text: its path and range. */
export interface PathAt extends Span {
  readonly path: readonly (string | number)[];
  /** Whether the position is on the key (name) or inside the value. */
  readonly on: "key" | "value";
}

/**
 * Finds the deepest key or value containing `pos` in a valid JSON text (used for hover documentation).
 * Returns undefined on invalid JSON or between tokens.
 */
export function pathAt(text: string, pos: number): PathAt | undefined {
  const parsed = parseJsonWithSpans(text);
  if (!parsed.ok) return undefined;
  return search(parsed.root, pos, []);
}

function search(node: JsonNode, pos: number, path: (string | number)[]): PathAt | undefined {
  if (pos < node.from || pos > node.to) return undefined;
  if (node.kind === "object") {
    for (const entry of node.entries) {
      if (pos >= entry.keySpan.from && pos <= entry.keySpan.to)
        return { ...entry.keySpan, path: [...path, entry.key], on: "key" };
      const inner = search(entry.value, pos, [...path, entry.key]);
      if (inner) return inner;
    }
    return undefined;
  }
  if (node.kind === "array") {
    for (const [index, item] of node.items.entries()) {
      const inner = search(item, pos, [...path, index]);
      if (inner) return inner;
    }
    return undefined;
  }
  return { from: node.from, to: node.to, path, on: "value" };
}
