// Small scanners over JSON text that JSON.parse accepted (or is about to be given): string tokens are found with
// `indexOf`, never decoded, so a long string costs one native search.

/** The index just after the closing quote of the string that opens at `start`. */
export function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c /* \ */) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

/** The first character code at or after `index` that is not JSON white space. */
export function nextSignificant(text: string, index: number): number {
  let at = index;
  while (at < text.length) {
    const char = text.charCodeAt(at);
    if (char !== 0x20 && char !== 0x09 && char !== 0x0a && char !== 0x0d) return char;
    at++;
  }
  return -1;
}
