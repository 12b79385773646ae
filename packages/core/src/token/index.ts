// Re-exports only.
export { ValidationError, type ValidationIssue } from "../errors/index.js";
export {
  type CallerTokenClaims,
  type CallerTokenFailureReason,
  type CallerTokenResult,
  MAX_CALLER_TOKEN_TTL_SECONDS,
  type MintCallerTokenInput,
  mintCallerToken,
  type VerifyCallerTokenOptions,
  verifyCallerToken,
} from "./caller-token.js";
