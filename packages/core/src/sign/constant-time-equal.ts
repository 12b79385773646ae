import { utf8Bytes } from "./hash.js";

/**
 * Compares two strings or byte arrays in time that depends only on their length, not on where they differ, so
 * a signature cannot be guessed byte by byte. A string compared with bytes is compared as UTF-8. Inputs of
 * different lengths are unequal at once: the length of a signature or token is not a secret.
 */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === "string" && typeof b === "string") {
    if (a.length !== b.length) return false;
    let difference = 0;
    for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
    return difference === 0;
  }
  const left = typeof a === "string" ? utf8Bytes(a) : a;
  const right = typeof b === "string" ? utf8Bytes(b) : b;
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) {
    difference |= (left[index] as number) ^ (right[index] as number);
  }
  return difference === 0;
}
