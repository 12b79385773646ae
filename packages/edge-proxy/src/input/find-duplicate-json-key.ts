import { nextSignificant, stringEnd } from "./json-string-token.js";

/**
 * The first key that appears twice in one object of a JSON text, or `undefined`. `JSON.parse` keeps the
 * last of two equal keys silently, so `{"a":1,"a":2}` would be read differently by a log, a firewall and
 * the proxy; the proxy refuses it instead. Keys are compared decoded (`"a"` and `"\u0061"` are equal).
 *
 * Expects text that `JSON.parse` accepted. Linear: string values are skipped with `indexOf`, never
 * decoded, so a 1.5 MB base64 string costs one scan.
 */
export function findDuplicateJsonKey(text: string): string | undefined {
  // One entry per open container: the keys seen so far for an object, `undefined` for an array.
  const open: (Set<string> | undefined)[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text.charCodeAt(index);
    if (char === 0x22 /* " */) {
      const end = stringEnd(text, index);
      const keys = open[open.length - 1];
      if (keys !== undefined && nextSignificant(text, end) === 0x3a /* : */) {
        const raw = text.slice(index, end);
        const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (keys.has(key)) return key;
        keys.add(key);
      }
      index = end;
      continue;
    }
    if (char === 0x7b /* { */) open.push(new Set());
    else if (char === 0x5b /* [ */) open.push(undefined);
    else if (char === 0x7d /* } */ || char === 0x5d /* ] */) open.pop();
    index++;
  }
  return undefined;
}
