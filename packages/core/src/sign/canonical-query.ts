import { percentEncode } from "./percent-encode.js";

/** Query parameters in any of the shapes callers have at hand; `URLSearchParams` gives the decoded pairs. */
export type QueryParameters = Iterable<readonly [string, string]> | Readonly<Record<string, string>>;

/**
 * The canonical query of a signature: every name and value percent-encoded, the pairs sorted by encoded name
 * (then by encoded value, so repeated names are stable), written `name=value` and joined by `&`. Empty when
 * there are no parameters.
 *
 * Pass decoded values (e.g. `url.searchParams`): the encoding is done here.
 */
export function canonicalQuery(parameters: QueryParameters): string {
  const pairs: string[][] = [];
  const entries = isIterable(parameters) ? parameters : Object.entries(parameters);
  for (const [name, value] of entries)
    pairs.push([percentEncode(String(name)), percentEncode(String(value))]);
  // The encoded strings are ASCII, so comparing code units is comparing bytes, as the server does.
  pairs.sort(compareEncodedPairs);
  let query = "";
  for (const [name, value] of pairs) query += `${query === "" ? "" : "&"}${name}=${value}`;
  return query;
}

function isIterable(value: QueryParameters): value is Iterable<readonly [string, string]> {
  return typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === "function";
}

function compareEncodedPairs([nameA, valueA]: string[], [nameB, valueB]: string[]): number {
  return (nameA as string) < (nameB as string)
    ? -1
    : (nameA as string) > (nameB as string)
      ? 1
      : (valueA as string) < (valueB as string)
        ? -1
        : (valueA as string) > (valueB as string)
          ? 1
          : 0;
}
