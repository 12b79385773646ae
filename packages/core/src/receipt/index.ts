// Re-exports only.
export {
  createReceiptVerifier,
  type ReceiptVerifier,
  type ReceiptVerifierOptions,
} from "./create-receipt-verifier.js";
export {
  type LivenessReceiptClaims,
  type LivenessReceiptResult,
  RECEIPT_TYPE,
  type ReceiptAlgorithm,
  type ReceiptFaceScores,
  type ReceiptFailureReason,
  type ReceiptJwks,
  type ReceiptPublicJwk,
} from "./receipt-claims.js";
export { type VerifyLivenessReceiptOptions, verifyLivenessReceipt } from "./verify-liveness-receipt.js";
