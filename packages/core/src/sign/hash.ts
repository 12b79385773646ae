// Hashing over Web Crypto only (browsers, Workers, Node 20+, Deno, Bun): no `node:crypto`.
import { bytesToHex } from "../bytes/bytes-to-hex.js";

export { bytesToHex };

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * UTF-8 bytes of a string. ASCII text (every form body: it is percent-encoded) is written in one pass straight
 * into a buffer of its final size; `TextEncoder.encode` would first walk the whole string to measure it.
 */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  const { read, written } = encoder.encodeInto(text, bytes);
  if (read === text.length) return bytes;
  // Non-ASCII text needs more room: keep the bytes written, encode the rest into its worst-case size.
  const grown = new Uint8Array(written + (text.length - read) * 3);
  grown.set(bytes.subarray(0, written));
  const rest = encoder.encodeInto(text.slice(read), grown.subarray(written));
  return grown.subarray(0, written + rest.written);
}

// Web Crypto's types want an ArrayBuffer-backed view; every Uint8Array core handles is one.
function asBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}

/** Lower-case hex SHA-256 of bytes, or of a string's UTF-8 bytes. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === "string" ? utf8Bytes(data) : data;
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", asBufferSource(bytes))));
}

/**
 * Imports an HMAC key for Web Crypto. An empty key is imported as one zero byte, which HMAC treats the same
 * (keys are zero-padded to the block size), because Web Crypto refuses empty keys.
 */
export function importHmacKey(key: string | Uint8Array, hash: "SHA-256" | "SHA-1"): Promise<CryptoKey> {
  const bytes = typeof key === "string" ? utf8Bytes(key) : key;
  const material = bytes.length === 0 ? new Uint8Array(1) : bytes;
  return crypto.subtle.importKey("raw", asBufferSource(material), { name: "HMAC", hash }, false, ["sign"]);
}

/** The raw HMAC of a string's UTF-8 bytes with an imported key. */
export async function hmac(key: CryptoKey, data: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, utf8Bytes(data)));
}

/** Lower-case hex HMAC-SHA256 of a string's UTF-8 bytes; the key is a string (UTF-8) or bytes. */
export async function hmacSha256Hex(key: string | Uint8Array, data: string): Promise<string> {
  return bytesToHex(await hmac(await importHmacKey(key, "SHA-256"), data));
}
