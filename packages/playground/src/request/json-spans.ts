/** A range of a text, `from` inclusive, `to` exclusive (CodeMirror's convention). */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** A JSON value with the range it covers in the source text. */
export type JsonNode =
  | (Span & { readonly kind: "object"; readonly entries: readonly JsonEntry[] })
  | (Span & { readonly kind: "array"; readonly items: readonly JsonNode[] })
  | (Span & { readonly kind: "string"; readonly value: string })
  | (Span & { readonly kind: "number"; readonly value: number })
  | (Span & { readonly kind: "boolean"; readonly value: boolean })
  | (Span & { readonly kind: "null"; readonly value: null });

/** One `"key": value` member of an object, with the range of its key. */
export interface JsonEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonNode;
}

/** The outcome of {@link parseJsonWithSpans}: the tree and the plain value, or where the text stops being JSON. */
export type ParsedJson =
  | { readonly ok: true; readonly root: JsonNode; readonly value: unknown }
  | { readonly ok: false; readonly error: Span & { readonly message: string } };

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly from: number,
    readonly to: number,
  ) {
    super(message);
  }
}

/**
 * Parses JSON (RFC 8259, as strict as `JSON.parse`) and keeps the source range of every value and key, so
 * schema issues can be underlined where they are. Returns the first syntax error with its position instead
 * of throwing. Nesting deeper than 256 levels is refused rather than risking the stack.
 */
export function parseJsonWithSpans(text: string): ParsedJson {
  let pos = 0;

  const skipWhitespace = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.test(text);
    pos = WHITESPACE.lastIndex;
  };
  const fail = (message: string, from = pos, to = Math.min(text.length, from + 1)): never => {
    throw new JsonSyntaxError(message, from, Math.max(to, from));
  };

  const parseString = (): { value: string; span: Span } => {
    const from = pos;
    pos++; // opening quote
    while (pos < text.length) {
      const ch = text.charCodeAt(pos);
      if (ch === 0x22) {
        pos++;
        return { value: JSON.parse(text.slice(from, pos)) as string, span: { from, to: pos } };
      }
      if (ch === 0x5c) {
        const next = text[pos + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
            fail("Bad \\u escape in string", pos, pos + 6);
          pos += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          pos += 2;
        } else {
          fail("Bad escape in string", pos, pos + 2);
        }
        continue;
      }
      if (ch < 0x20) fail("Control character in string (escape it)", pos);
      pos++;
    }
    return fail("Unterminated string", from, text.length);
  };

  const parseValue = (depth: number): { node: JsonNode; value: unknown } => {
    if (depth > MAX_DEPTH) fail(`Nested deeper than ${MAX_DEPTH} levels`);
    skipWhitespace();
    const from = pos;
    const ch = text[pos];
    if (ch === undefined) return fail("Unexpected end of input, expected a value");
    if (ch === "{") {
      pos++;
      const entries: JsonEntry[] = [];
      const pairs: [string, unknown][] = [];
      skipWhitespace();
      if (text[pos] === "}") {
        pos++;
        return { node: { kind: "object", from, to: pos, entries }, value: {} };
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"')
          fail(text[pos] === "}" ? "Trailing comma before }" : "Expected a property name in double quotes");
        const key = parseString();
        skipWhitespace();
        if (text[pos] !== ":") fail(`Expected ":" after "${key.value}"`);
        pos++;
        const member = parseValue(depth + 1);
        entries.push({ key: key.value, keySpan: key.span, value: member.node });
        pairs.push([key.value, member.value]);
        skipWhitespace();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "}") {
          pos++;
          // fromEntries defines properties, so a "__proto__" key stays a plain key as with JSON.parse.
          return { node: { kind: "object", from, to: pos, entries }, value: Object.fromEntries(pairs) };
        }
        fail('Expected "," or "}"');
      }
    }
    if (ch === "[") {
      pos++;
      const items: JsonNode[] = [];
      const values: unknown[] = [];
      skipWhitespace();
      if (text[pos] === "]") {
        pos++;
        return { node: { kind: "array", from, to: pos, items }, value: values };
      }
      for (;;) {
        const item = parseValue(depth + 1);
        items.push(item.node);
        values.push(item.value);
        skipWhitespace();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "]") {
          pos++;
          return { node: { kind: "array", from, to: pos, items }, value: values };
        }
        fail('Expected "," or "]"');
      }
    }
    if (ch === '"') {
      const { value, span } = parseString();
      return { node: { kind: "string", ...span, value }, value };
    }
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        const node: JsonNode =
          value === null ? { kind: "null", from, to: pos, value } : { kind: "boolean", from, to: pos, value };
        return { node, value };
      }
    }
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (match) {
      pos += match[0].length;
      const value = Number(match[0]);
      return { node: { kind: "number", from, to: pos, value }, value };
    }
    const word = /^[^\s,:[\]{}"]+/.exec(text.slice(pos, pos + 40))?.[0] ?? ch;
    return fail(`Unexpected ${JSON.stringify(word)}, expected a value`, pos, pos + word.length);
  };

  try {
    const { node, value } = parseValue(0);
    skipWhitespace();
    if (pos < text.length) fail("Unexpected text after the JSON value", pos, text.length);
    return { ok: true, root: node, value };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { ok: false, error: { from: error.from, to: error.to, message: error.message } };
    }
    throw error;
  }
}

/** Where a path of keys and indexes leads: the node (and its entry when it is an object member). */
export interface PathLocation {
  /** The deepest node reached; the root when nothing of the path exists. */
  readonly node: JsonNode;
  /** The member whose value is `node`, when `node` was reached through a key. */
  readonly entry?: JsonEntry;
  /** True when the whole path exists; false when it stopped early (e.g. a missing key). */
  readonly exact: boolean;
}

/** Follows `path` from `root`; with duplicate keys the last one wins, as with `JSON.parse`. */
export function locatePath(root: JsonNode, path: readonly (string | number)[]): PathLocation {
  let node = root;
  let entry: JsonEntry | undefined;
  for (const step of path) {
    let next: { node: JsonNode; entry?: JsonEntry } | undefined;
    if (node.kind === "object") {
      let found: JsonEntry | undefined;
      for (const candidate of node.entries) if (candidate.key === String(step)) found = candidate;
      if (found) next = { node: found.value, entry: found };
    } else if (node.kind === "array" && typeof step === "number") {
      const item = node.items[step];
      if (item) next = { node: item };
    }
    if (!next) return { node, ...(entry ? { entry } : {}), exact: false };
    node = next.node;
    entry = next.entry;
  }
  return { node, ...(entry ? { entry } : {}), exact: true };
}
