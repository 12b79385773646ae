import { createReceiptVerifier } from "@liveness-kit/core/receipt";
import type { AppConfig } from "./app.js";

/**
 * Core's receipt verifier against the proxy's published key set (`/.well-known/jwks.json`, fetched once and
 * cached), holding receipts to the proxy as issuer and to this app's audience.
 */
export function proxyReceiptVerifier(proxyUrl: string, audience: string): AppConfig["verifyReceipt"] {
  const verifier = createReceiptVerifier({
    jwksUrl: `${proxyUrl}/.well-known/jwks.json`,
    issuer: proxyUrl,
    audience,
  });
  return async (receipt) => {
    const result = await verifier.verify(receipt);
    return result.ok ? { ok: true, claims: result.claims } : { ok: false, reason: result.reason };
  };
}
