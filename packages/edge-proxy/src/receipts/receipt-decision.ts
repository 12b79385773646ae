import type { LivenessReceiptClaims } from "@liveness-kit/core/receipt-issuer";

/**
 * The claims of a receipt that describe the decision: kept with the answer, so every receipt of one
 * `merchantBizId` (the first answer, a replay, a lookup) states the same decision. Only what the proxy
 * already answers or was sent in hashed form: never a raw user id, never image data.
 */
export type ReceiptDecision = Omit<LivenessReceiptClaims, "iss" | "aud" | "iat" | "exp" | "jti">;
