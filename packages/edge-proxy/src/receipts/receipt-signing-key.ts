import { importReceiptSigningKey, type ReceiptSigningKey } from "@liveness-kit/core/receipt-issuer";
import { ConfigError } from "../config/config-error.js";
import type { ReceiptConfig } from "../config/receipt-config.js";

const imported = new WeakMap<ReceiptConfig, Promise<ReceiptSigningKey>>();

/**
 * The imported signing key of a configuration, once per configuration (an import costs more than a
 * signature). A key that passes the configuration's shape check but is no P-256 key pair is a
 * `ConfigError`, like every other broken setting.
 */
export function receiptSigningKey(config: ReceiptConfig): Promise<ReceiptSigningKey> {
  let key = imported.get(config);
  if (!key) {
    key = importReceiptSigningKey(config.signingKey).catch(() => {
      imported.delete(config);
      throw new ConfigError([
        "RECEIPT_SIGNING_KEY: not a valid P-256 key pair (x, y and d must belong together)",
      ]);
    });
    imported.set(config, key);
  }
  return key;
}
