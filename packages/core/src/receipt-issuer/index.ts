// Re-exports only. The signing side of receipts, kept out of `@liveness-kit/core/receipt` so a verifier
// bundles none of it.
export { ValidationError, type ValidationIssue } from "../errors/index.js";
export type { LivenessReceiptClaims, ReceiptPublicJwk } from "../receipt/receipt-claims.js";
export { generateReceiptKeyPair } from "./generate-receipt-key-pair.js";
export { importReceiptSigningKey } from "./import-receipt-signing-key.js";
export { jwkThumbprint } from "./jwk-thumbprint.js";
export type { ReceiptPrivateJwk, ReceiptSigningKey } from "./receipt-signing-key.js";
export { signLivenessReceipt } from "./sign-liveness-receipt.js";
