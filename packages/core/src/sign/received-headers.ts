/** Headers as a server receives them: a Fetch `Headers`, or a plain object such as Node's `req.headers`. */
export type ReceivedHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Reads received headers into a map with lower-case names. Repeated names are joined with `, ` (as `Headers`
 * does); values that are not strings are skipped, so hostile input cannot make it throw.
 */
export function readReceivedHeaders(headers: ReceivedHeaders): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    const previous = map.get(key);
    map.set(key, previous === undefined ? value : `${previous}, ${value}`);
  };
  if (typeof headers !== "object" || headers === null) return map;
  if (typeof (headers as Headers).forEach === "function" && typeof (headers as Headers).get === "function") {
    (headers as Headers).forEach((value, name) => {
      add(name, value);
    });
    return map;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") add(name, value);
    else if (Array.isArray(value)) add(name, value.filter((item) => typeof item === "string").join(", "));
  }
  return map;
}
