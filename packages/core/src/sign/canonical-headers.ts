/** The signed and canonical header lines of a signature. */
export interface CanonicalHeaders {
  /** `name:value\n` for each signed header, names lower-case and sorted, values trimmed. */
  readonly canonicalHeaders: string;
  /** The same names joined by `;`, e.g. `host;x-acs-action;x-acs-date`. */
  readonly signedHeaders: string;
}

/**
 * Whether a header (lower-case name) takes part in an ACS3 signature: `host`, `content-type` and every
 * `x-acs-*` header.
 */
export function isSignedHeaderName(lowerCaseName: string): boolean {
  return lowerCaseName === "host" || lowerCaseName === "content-type" || lowerCaseName.startsWith("x-acs-");
}

/**
 * Builds the canonical headers and the signed-header list from the headers of a request. Only `host`,
 * `content-type` and `x-acs-*` headers are kept; names are lower-cased and sorted, values trimmed. A name given
 * twice in different cases keeps both values, sorted and joined by `,` (as the official signer does).
 */
export function canonicalHeaders(
  headers: Readonly<Record<string, string>> | Iterable<readonly [string, string]>,
): CanonicalHeaders {
  const valuesByName = new Map<string, string[]>();
  const entries =
    typeof (headers as Partial<Iterable<unknown>>)[Symbol.iterator] === "function"
      ? (headers as Iterable<readonly [string, string]>)
      : Object.entries(headers);
  for (const [rawName, rawValue] of entries) {
    const name = String(rawName).toLowerCase();
    if (!isSignedHeaderName(name)) continue;
    const value = String(rawValue).trim();
    const values = valuesByName.get(name);
    if (values) values.push(value);
    else valuesByName.set(name, [value]);
  }
  const names = [...valuesByName.keys()].sort();
  let lines = "";
  for (const name of names) {
    const values = valuesByName.get(name) ?? [];
    lines += `${name}:${values.length === 1 ? values[0] : values.sort().join(",")}\n`;
  }
  return { canonicalHeaders: lines, signedHeaders: names.join(";") };
}
