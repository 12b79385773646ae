import { createHash } from "node:crypto";

/**
 * The hashed user id every bad request carries (unless the case is about that field): the ledger must
 * hold no entry for it after the suite.
 */
export const SUITE_USER_HASH = createHash("sha256")
  .update("liveness-kit security suite: bad input")
  .digest("hex");

const sent = new Set<string>();

/** A new `merchantBizId` for one bad request, remembered so that the suite can look for it upstream. */
export function badMerchantBizId(): string {
  const id = `SEC${crypto.randomUUID().replaceAll("-", "")}`.slice(0, 32);
  sent.add(id);
  return id;
}

/** Every `merchantBizId` handed out so far. */
export function sentMerchantBizIds(): ReadonlySet<string> {
  return sent;
}
