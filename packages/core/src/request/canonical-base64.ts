import { bytesToBase64 } from "../image/base64.js";

/**
 * Whether `text`, which a strict decoder (core's `base64ToBytes`) decoded to `bytes`, is their canonical standard
 * base64, the one `bytesToBase64` writes: padded, and its last group exact. Every group but the last decodes one
 * way only, so the length and the last group are all there is to check; the last group can hide two or four
 * set bits that a decoder drops, or lack its padding. Says nothing useful about a text that did not decode to `bytes`.
 */
export function isCanonicalBase64Of(text: string, bytes: Uint8Array): boolean {
  const n = bytes.length;
  if (n === 0 || text.length !== Math.ceil(n / 3) * 4) return false;
  return text.endsWith(bytesToBase64(bytes.subarray(n - (n % 3 || 3))));
}
