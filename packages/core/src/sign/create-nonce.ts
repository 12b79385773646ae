import { bytesToHex } from "./hash.js";

/** A fresh signature nonce: 32 lower-case hex digits from `crypto.getRandomValues` (128 bits). */
export function createNonce(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
}
