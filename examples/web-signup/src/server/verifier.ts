// TEMPORARY until core's receipt verifier lands (branch `receipts`): refuses every receipt.
import type { AppConfig } from "./app.js";

export function proxyReceiptVerifier(_proxyUrl: string): AppConfig["verifyReceipt"] {
  return async () => ({ ok: false, reason: "receipt verification is not available yet" });
}
