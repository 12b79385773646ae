// base64url (RFC 4648 section 5) without padding, for caller tokens and liveness receipts. `btoa`/`atob` exist
// in every runtime core supports.

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** base64url of some bytes, without `=` padding. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index++) binary += String.fromCharCode(bytes[index] as number);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes unpadded base64url; `undefined` for any other character, an impossible length or a non-canonical last
 * character (unused bits set: two spellings of the same bytes would let a signed text change unnoticed).
 * Never throws.
 */
export function base64UrlToBytes(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytesToBase64Url(bytes) === text ? bytes : undefined;
}
