/** A receipt split into its parts and decoded, before any check: what it says, not whether it is true. */
export interface DecodedReceipt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  /** The signature's length in bytes (ES256: 64). */
  readonly signatureBytes: number;
}

/**
 * Decodes a JWS compact receipt (`header.claims.signature`, base64url JSON) for display. Never throws:
 * anything that is not three base64url parts with JSON objects in the first two gives `undefined`.
 */
export function decodeReceipt(receipt: string): DecodedReceipt | undefined {
  const parts = receipt.split(".");
  if (parts.length !== 3) return undefined;
  const [head = "", body = "", signature = ""] = parts;
  const header = readObject(head);
  const claims = readObject(body);
  const signatureBytes = base64UrlBytes(signature)?.length;
  if (!header || !claims || signatureBytes === undefined) return undefined;
  return { header, claims, signatureBytes };
}

/** The bytes of a base64url string (no padding), or undefined when it is not one. */
export function base64UrlBytes(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function readObject(part: string): Record<string, unknown> | undefined {
  const bytes = base64UrlBytes(part);
  if (!bytes || bytes.length === 0) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
