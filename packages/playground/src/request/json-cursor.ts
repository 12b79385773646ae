import type { SyntaxNode, Tree } from "@lezer/common";
import {
  arrayIndex,
  childrenOf,
  type JsonPathStep,
  parseJsonTree,
  pathTo,
  stringValue,
} from "./json-tree.js";

/** What is being typed at a position of a (possibly unfinished) JSON text. */
export interface JsonCursor {
  /** `key`: a property name of an object; `value`: a value; `none`: after a colon-less key, between tokens... */
  readonly kind: "key" | "value" | "none";
  /** For `key`: the path of the object; for `value`: the path of the value (object keys and array indexes). */
  readonly path: readonly JsonPathStep[];
  /** Start of the token under the cursor (its opening quote for strings), or the cursor itself between tokens. */
  readonly from: number;
  /** Whether the token under the cursor is a string (so a completion must keep the quotes). */
  readonly quoted: boolean;
  /** For `key`: the keys the object already has before the cursor. */
  readonly siblings: readonly string[];
}

/**
 * Tells whether the cursor of a (possibly unfinished) JSON text is on a property name or a value, and where
 * in the document, from the syntax tree the parser recovers from unfinished strings, missing commas and
 * brackets. Used for completion; never throws. Pass the editor's tree of `text` to skip parsing it again.
 */
export function jsonCursorAt(text: string, pos: number, tree: Tree = parseJsonTree(text)): JsonCursor {
  const end = Math.max(0, Math.min(pos, text.length));
  const token = tokenAt(tree, text, end);
  const from = token?.from ?? end;
  const quoted = token?.quoted ?? false;
  const container = containerAt(tree, from);
  if (!container) {
    const rootDone = childrenOf(tree.topNode).some((node) => node.to <= from && node.to > node.from);
    return { kind: rootDone ? "none" : "value", path: [], from, quoted, siblings: [] };
  }
  const inObject = container.name === "Object";
  // Replays the container's tokens before the cursor: what was expected next is what the cursor is on.
  let expects: "key" | "colon" | "value" | "comma" = inObject ? "key" : "value";
  let key: string | undefined;
  const keys: string[] = [];
  for (const node of tokensOf(container)) {
    if (node.to > from || (node.from === node.to && node.type.isError)) continue;
    if (node.name === "{" || node.name === "[" || node.name === ",") {
      expects = inObject ? "key" : "value";
      key = undefined;
    } else if (node.name === ":") {
      if (inObject) expects = "value";
    } else if (inObject && expects === "key" && text[node.from] === '"') {
      key = stringValue(node, text);
      keys.push(key);
      expects = "colon";
    } else if (node.name !== "}" && node.name !== "]") {
      expects = "comma";
    }
  }
  const path = pathTo(container, text);
  if (inObject && expects === "key") return { kind: "key", path, from, quoted, siblings: keys };
  if (inObject && expects === "value" && key !== undefined) path.push(key);
  if (!inObject) path.push(arrayIndex(container, from));
  return { kind: expects === "value" ? "value" : "none", path, from, quoted, siblings: [] };
}

const STRINGS = new Set(["String", "PropertyName"]);
const WORD_BEFORE = /[^\s,:[\]{}"]+$/;

/** The string or bare word the cursor is in or at the end of (a closed string's closing quote ends it). */
function tokenAt(tree: Tree, text: string, pos: number): { from: number; quoted: boolean } | undefined {
  const node = tree.resolveInner(pos, -1);
  if (STRINGS.has(node.name) && node.from < pos)
    return pos < node.to ? { from: node.from, quoted: true } : undefined;
  const open = unclosedStringAt(tree, text, pos);
  if (open !== undefined) return { from: open, quoted: true };
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, pos - 100), pos))?.[0];
  return word ? { from: pos - word.length, quoted: false } : undefined;
}

/**
 * Where the unfinished string the cursor is in starts (a string ends at the end of its line at the latest).
 * The parser reads such a line as error nodes, so the text up to the cursor is read again with the string
 * closed there: a string token then ends right at the cursor.
 */
function unclosedStringAt(tree: Tree, text: string, pos: number): number | undefined {
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  let broken = false;
  tree.iterate({
    from: lineStart,
    to: pos,
    enter: (node) => {
      broken ||= node.type.isError && node.from < pos;
    },
  });
  if (!broken) return undefined;
  // The cursor may stand in an escape: after a backslash (`n"` ends it) or inside `\uXXXX` (`0000"` does).
  for (const ending of ['"', 'n"', '0000"']) {
    const end = pos + ending.length;
    const closed = parseJsonTree(text.slice(0, pos) + ending).resolveInner(end, -1);
    if (STRINGS.has(closed.name) && closed.to === end && closed.from >= lineStart) return closed.from;
  }
  return undefined;
}

/** The innermost object or array still open at `pos` (its opening bracket before, its closing one not). */
function containerAt(tree: Tree, pos: number): SyntaxNode | undefined {
  for (let node: SyntaxNode | null = tree.resolveInner(pos, -1); node; node = node.parent) {
    if (node.name !== "Object" && node.name !== "Array") continue;
    const closed = node.lastChild?.name === (node.name === "Object" ? "}" : "]");
    if (node.from < pos && (pos < node.to || (pos === node.to && !closed))) return node;
  }
  return undefined;
}

/** The tokens of an object or array at its own level: brackets, commas, keys, colons and whole values. */
function tokensOf(container: SyntaxNode): SyntaxNode[] {
  return childrenOf(container).flatMap((child) => (child.name === "Property" ? childrenOf(child) : [child]));
}
