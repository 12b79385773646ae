import { signLivenessReceipt } from "@liveness-kit/core/receipt-issuer";
import { createNonce } from "@liveness-kit/core/sign";
import type { ReceiptConfig } from "../config/receipt-config.js";
import type { ReceiptDecision } from "./receipt-decision.js";
import { receiptSigningKey } from "./receipt-signing-key.js";

/**
 * Signs a fresh receipt for a decision: issued now (`iat`), valid `ttlSeconds` (`exp`), a new `jti`, for
 * the configured audience, by the configured issuer or else `origin` (the proxy's own origin as called).
 */
export async function signReceipt(
  decision: ReceiptDecision,
  config: ReceiptConfig,
  origin: string,
  now = Date.now(),
): Promise<string> {
  const iat = Math.floor(now / 1000);
  const { sub, ...rest } = decision;
  return signLivenessReceipt(
    {
      iss: config.issuer ?? origin,
      sub,
      aud: config.audience,
      iat,
      exp: iat + config.ttlSeconds,
      jti: createNonce(),
      ...rest,
    },
    await receiptSigningKey(config),
  );
}
