// Helpers of the receipt tests: the proxy's key set as served, and a receipt's parts decoded.
import {
  type LivenessReceiptClaims,
  type ReceiptJwks,
  verifyLivenessReceipt,
} from "@liveness-kit/core/receipt";
import { callProxy, type EnvOverrides } from "./call-proxy.js";
import { TEST_RECEIPT_AUDIENCE } from "./test-constants.js";

/** The proxy's `/.well-known/jwks.json`, fetched the way any verifier would. */
export async function servedJwks(overrides?: EnvOverrides): Promise<ReceiptJwks> {
  const response = await callProxy(new Request("https://proxy.test/.well-known/jwks.json"), overrides);
  if (response.status !== 200) throw new Error(`jwks: HTTP ${response.status}`);
  return (await response.json()) as ReceiptJwks;
}

/** Verifies a receipt with core against the served key set, as the app's server does; throws if refused. */
export async function verifiedClaims(
  receipt: unknown,
  overrides?: EnvOverrides,
): Promise<LivenessReceiptClaims> {
  const result = await verifyLivenessReceipt(receipt, {
    jwks: await servedJwks(overrides),
    issuer: "https://proxy.test",
    audience: overrides?.RECEIPT_AUDIENCE ?? TEST_RECEIPT_AUDIENCE,
  });
  if (!result.ok) throw new Error(`receipt refused: ${result.reason}`);
  return result.claims;
}

/** A receipt's protected header, decoded (no verification). */
export function receiptHeader(receipt: string): Record<string, unknown> {
  const [header = ""] = receipt.split(".");
  return JSON.parse(atob(header.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
}
