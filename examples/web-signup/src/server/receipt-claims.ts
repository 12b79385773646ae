import type { Signup } from "./signups.js";

/** The receipt claims this app relies on (the proxy signs more). */
export interface ReceiptClaims {
  readonly sub?: unknown;
  readonly merchantBizId?: unknown;
  readonly merchantUserId?: unknown;
  readonly passed?: unknown;
}

/**
 * Whether a verified receipt is about this sign-up: minted with this sign-up's token (`sub`), for one of its
 * MerchantBizIds and its hashed user id, and passed. Returns why not, or undefined when it all holds.
 */
export function receiptMismatch(claims: ReceiptClaims, signup: Signup): string | undefined {
  if (claims.sub !== signup.subject) return "the receipt belongs to another sign-up";
  if (typeof claims.merchantBizId !== "string" || !signup.merchantBizIds.includes(claims.merchantBizId)) {
    return "the receipt is for another check";
  }
  if (claims.merchantUserId !== undefined && claims.merchantUserId !== signup.hashedUserId) {
    return "the receipt is for another user";
  }
  if (claims.passed !== true) return "the face check did not pass";
  return undefined;
}
