import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/**
 * The MerchantUserId for a user id: SHA-256 of its UTF-8 bytes as 64 lower-case hex digits, computed in
 * JavaScript (@noble/hashes) so it also works where `crypto.subtle` is missing (plain-http LAN hosts are
 * not secure contexts). The id is hashed exactly as typed: no trimming or case folding, so a backend that
 * hashes the same string gets the same digest.
 */
export function hashUserId(userId: string): string {
  return bytesToHex(sha256(utf8ToBytes(userId)));
}
