import { ACS3_ALGORITHM } from "./string-to-sign.js";

/** What an ACS3 `Authorization` header carries. */
export interface AuthorizationParts {
  readonly accessKeyId: string;
  /** Signed header names joined by `;` (when building) or as received. */
  readonly signedHeaders: string;
  /** Lower-case hex HMAC-SHA256. */
  readonly signature: string;
}

/**
 * The ACS3 `Authorization` header value:
 * `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>` (no spaces after the commas).
 */
export function authorizationHeader(parts: AuthorizationParts): string {
  return `${ACS3_ALGORITHM} Credential=${parts.accessKeyId},SignedHeaders=${parts.signedHeaders},Signature=${parts.signature}`;
}

const SIGNATURE = /^[0-9a-f]{64}$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;

/**
 * Reads an ACS3 `Authorization` header. Returns `undefined` when it is not one, when a part is missing,
 * repeated or empty, or when the signature is not 64 hex digits. Spaces around the parts are tolerated; the
 * signature and header names are lower-cased.
 */
export function parseAuthorizationHeader(value: string): AuthorizationParts | undefined {
  const text = value.trim();
  if (!text.startsWith(`${ACS3_ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of text.slice(ACS3_ALGORITHM.length + 1).split(",")) {
    const equals = part.indexOf("=");
    if (equals <= 0) return undefined;
    const key = part.slice(0, equals).trim();
    if (fields.has(key)) return undefined;
    fields.set(key, part.slice(equals + 1).trim());
  }
  const accessKeyId = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders")?.toLowerCase();
  const signature = fields.get("Signature")?.toLowerCase();
  if (fields.size !== 3 || !accessKeyId || !signedHeaders || !signature) return undefined;
  if (!SIGNATURE.test(signature)) return undefined;
  if (!signedHeaders.split(";").every((name) => HEADER_NAME.test(name))) return undefined;
  return { accessKeyId, signedHeaders, signature };
}
