/** What is being typed at a position of a (possibly unfinished) JSON text. */
export interface JsonCursor {
  /** `key`: a property name of an object; `value`: a value; `none`: after a colon-less key, between tokens... */
  readonly kind: "key" | "value" | "none";
  /** For `key`: the path of the object; for `value`: the path of the value (object keys and array indexes). */
  readonly path: readonly (string | number)[];
  /** Start of the token under the cursor (its opening quote for strings), or the cursor itself between tokens. */
  readonly from: number;
  /** Whether the token under the cursor is a string (so a completion must keep the quotes). */
  readonly quoted: boolean;
  /** For `key`: the keys the object already has before the cursor. */
  readonly siblings: readonly string[];
}

type Frame =
  | { type: "object"; keys: string[]; state: "key" | "colon" | "value" | "comma"; key?: string }
  | { type: "array"; state: "value" | "comma"; index: number };

/**
 * Scans `text` up to `pos` tolerantly (unfinished strings, missing commas and brackets are fine) and tells
 * whether the cursor is on a property name or a value, and where in the document. Used for completion;
 * never throws.
 */
export function jsonCursorAt(text: string, pos: number): JsonCursor {
  const stack: Frame[] = [];
  let rootDone = false;
  let i = 0;
  const end = Math.max(0, Math.min(pos, text.length));

  const path = (): (string | number)[] => {
    const steps: (string | number)[] = [];
    for (const frame of stack) {
      if (frame.type === "object" && frame.state === "value" && frame.key !== undefined)
        steps.push(frame.key);
      if (frame.type === "array") steps.push(frame.index);
    }
    return steps;
  };
  const objectPath = (): (string | number)[] => path();
  const valueDone = () => {
    const top = stack.at(-1);
    if (!top) rootDone = true;
    else top.state = "comma";
  };
  const cursor = (from: number, quoted: boolean): JsonCursor => {
    const top = stack.at(-1);
    if (!top) return { kind: rootDone ? "none" : "value", path: [], from, quoted, siblings: [] };
    if (top.type === "object") {
      if (top.state === "key")
        return { kind: "key", path: objectPath(), from, quoted, siblings: [...top.keys] };
      if (top.state === "value") return { kind: "value", path: path(), from, quoted, siblings: [] };
      return { kind: "none", path: path(), from, quoted, siblings: [] };
    }
    return top.state === "value"
      ? { kind: "value", path: path(), from, quoted, siblings: [] }
      : { kind: "none", path: path(), from, quoted, siblings: [] };
  };

  while (i < end) {
    const ch = text[i]!;
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    if (ch === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
      // The cursor is inside this string (or the string is unfinished): complete it.
      if (i >= end) return cursor(start, true);
      i++; // closing quote
      const raw = text.slice(start + 1, i - 1);
      const top = stack.at(-1);
      if (top?.type === "object" && top.state === "key") {
        top.key = decode(raw);
        top.keys.push(top.key);
        top.state = "colon";
      } else {
        valueDone();
      }
      continue;
    }
    if (ch === "{") {
      stack.push({ type: "object", keys: [], state: "key" });
      i++;
      continue;
    }
    if (ch === "[") {
      stack.push({ type: "array", state: "value", index: 0 });
      i++;
      continue;
    }
    if (ch === "}" || ch === "]") {
      stack.pop();
      valueDone();
      i++;
      continue;
    }
    if (ch === ":") {
      const top = stack.at(-1);
      if (top?.type === "object") top.state = "value";
      i++;
      continue;
    }
    if (ch === ",") {
      const top = stack.at(-1);
      if (top?.type === "object") {
        top.state = "key";
        top.key = undefined;
      } else if (top?.type === "array") {
        top.state = "value";
        top.index++;
      }
      i++;
      continue;
    }
    // A bare word: true, false, null, a number, or something being typed.
    const start = i;
    while (i < text.length && !/[\s,:[\]{}"]/.test(text[i]!)) i++;
    if (i >= end) return cursor(start, false);
    valueDone();
  }
  return cursor(end, false);
}

function decode(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
