import type { SyntaxNode, Tree } from "@lezer/common";

/** Where a text stops being JSON, and why (for the editor's squiggle and the Problems list). */
export interface JsonSyntaxError {
  readonly from: number;
  readonly to: number;
  readonly message: string;
}

/** Deeper documents are refused: nothing a request needs, and the value would be walked recursively later. */
export const MAX_JSON_DEPTH = 256;

/**
 * The first place, in document order, where the parsed text is not JSON: the first error node of the tree
 * or the first array or object nested deeper than {@link MAX_JSON_DEPTH} levels. Undefined for valid JSON.
 */
export function findSyntaxError(tree: Tree, text: string): JsonSyntaxError | undefined {
  let found: JsonSyntaxError | undefined;
  let depth = 0;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.type.isError) {
        found = describeError(node.node, text);
        return false;
      }
      if (node.name !== "Object" && node.name !== "Array") return true;
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        found = {
          from: node.from,
          to: node.from + 1,
          message: `Nested deeper than ${MAX_JSON_DEPTH} levels`,
        };
        return false;
      }
      return true;
    },
    leave(node) {
      if (node.name === "Object" || node.name === "Array") depth--;
    },
  });
  return found;
}

/** The span and message of an error node, worded from what comes before it. */
function describeError(error: SyntaxNode, text: string): JsonSyntaxError {
  const { from } = error;
  const to = Math.max(error.to, Math.min(text.length, from + 1));
  if (from >= text.length) return { from, to, message: `Unexpected end of input, ${expectedAt(error)}` };
  if (text[from] === '"')
    return {
      from,
      to,
      message:
        'Bad string: it needs a closing quote on the same line, control characters escaped, and only the escapes \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX',
    };
  const word = /^[^\s,:[\]{}"]+/.exec(text.slice(from, from + 40))?.[0] ?? text.slice(from, from + 1);
  const previous = error.prevSibling;
  if ((word === "}" || word === "]") && previous?.name === ",")
    return { from, to, message: `Trailing comma before ${word}` };
  if (error.parent?.name === "JsonText" && previous)
    return { from, to: text.length, message: `Unexpected ${JSON.stringify(word)} after the JSON value` };
  return { from, to, message: `Unexpected ${JSON.stringify(word)}, ${expectedAt(error)}` };
}

/** What the grammar wanted where the error node stands. */
function expectedAt(error: SyntaxNode): string {
  const previous = error.prevSibling?.name;
  switch (error.parent?.name) {
    case "Object":
      return previous === "{" || previous === ","
        ? "expected a property name in double quotes"
        : 'expected "," or "}"';
    case "Property":
      return previous === "PropertyName" ? 'expected ":"' : "expected a value";
    case "Array":
      return previous === "[" || previous === "," ? "expected a value" : 'expected "," or "]"';
    default:
      return previous ? "expected the end of the text" : "expected a value";
  }
}
