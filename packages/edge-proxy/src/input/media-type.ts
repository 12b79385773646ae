/** A `Content-Type` header taken apart: the media type and its parameters, names in lower case. */
export interface MediaType {
  /** `type/subtype` in lower case, `""` when the header is missing. */
  essence: string;
  /** Parameters by lower-case name, values unquoted; a repeated parameter keeps its first value. */
  parameters: ReadonlyMap<string, string>;
}

/**
 * Parses a `Content-Type` value (RFC 9110 section 8.3.1): `type/subtype` then `; name=value` pairs, values
 * plain tokens or quoted strings. Enough to read `charset` and `boundary`; whatever it cannot read is left out.
 */
export function parseMediaType(header: string | null): MediaType {
  const text = header ?? "";
  const semicolon = text.indexOf(";");
  const essence = (semicolon === -1 ? text : text.slice(0, semicolon)).trim().toLowerCase();
  const parameters = new Map<string, string>();
  const pattern = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of text.slice(semicolon === -1 ? text.length : semicolon).matchAll(pattern)) {
    const name = (match[1] ?? "").toLowerCase();
    const raw = (match[2] ?? "").trim();
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
    if (!parameters.has(name)) parameters.set(name, value);
  }
  return { essence, parameters };
}

/** The labels the Encoding Standard gives UTF-8 (the only charset the proxy reads). */
const UTF8_LABELS = new Set([
  "utf-8",
  "utf8",
  "unicode-1-1-utf-8",
  "unicode11utf8",
  "unicode20utf8",
  "x-unicode20utf8",
]);

/** True when the media type names no charset, or UTF-8 under one of its labels. */
export function isUtf8OrUnspecified(mediaType: MediaType): boolean {
  const charset = mediaType.parameters.get("charset");
  return charset === undefined || UTF8_LABELS.has(charset.trim().toLowerCase());
}
