import type { ReceiptJwks } from "@liveness-kit/core/receipt";
import type { ReceiptConfig } from "../config/receipt-config.js";
import { receiptSigningKey } from "./receipt-signing-key.js";

/**
 * The key set served at `/.well-known/jwks.json`: the key that signs now, first, then the older keys
 * still published for rotation (a key listed twice appears once). Public members only.
 */
export async function publishedJwks(config: ReceiptConfig): Promise<ReceiptJwks> {
  const current = (await receiptSigningKey(config)).publicJwk;
  const older = config.publishedKeys.filter((key) => key.kid !== current.kid);
  return { keys: [current, ...older] };
}
