import { MERCHANT_BIZ_ID_PATTERN } from "../spec/constants.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LENGTH = 32;
// The largest multiple of 62 that fits a byte: bytes at or above it are dropped so every character is equally likely.
const UNBIASED_LIMIT = 248;

/**
 * A fresh `MerchantBizId`: 32 letters and digits from `crypto.getRandomValues`, every character equally likely
 * (about 190 bits). Alibaba does not enforce uniqueness, so the caller must make it.
 */
export function createMerchantBizId(): string {
  let id = "";
  while (id.length < LENGTH) {
    // 40 bytes almost always give 32 accepted ones (each byte is kept with probability 248/256).
    for (const byte of crypto.getRandomValues(new Uint8Array(40))) {
      if (byte < UNBIASED_LIMIT && id.length < LENGTH) id += ALPHABET[byte % 62];
    }
  }
  return id;
}

/** Whether `value` is a valid `MerchantBizId`: 1 to 32 ASCII letters and digits. */
export function isMerchantBizId(value: unknown): value is string {
  return typeof value === "string" && MERCHANT_BIZ_ID_PATTERN.test(value);
}
