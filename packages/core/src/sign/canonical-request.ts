/** The parts of an ACS3 canonical request, each already in canonical form. */
export interface CanonicalRequestParts {
  /** Upper-case HTTP method, e.g. `POST`. */
  readonly method: string;
  /** The canonical URI (see `canonicalPath`); `/` for RPC APIs. */
  readonly path: string;
  /** The canonical query (see `canonicalQuery`). */
  readonly query: string;
  /** The canonical header lines, each ending in `\n` (see `canonicalHeaders`). */
  readonly canonicalHeaders: string;
  /** The signed header names joined by `;`. */
  readonly signedHeaders: string;
  /** Lower-case hex SHA-256 of the body bytes. */
  readonly bodyHash: string;
}

/**
 * Joins the parts of an ACS3 canonical request with `\n`. The canonical headers end in `\n` themselves, so an
 * empty line precedes the signed-header list, as in Alibaba's published example.
 */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return `${parts.method}\n${parts.path}\n${parts.query}\n${parts.canonicalHeaders}\n${parts.signedHeaders}\n${parts.bodyHash}`;
}
