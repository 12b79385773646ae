// Re-exports only.
export { ValidationError, type ValidationIssue } from "../errors/index.js";
export { formatAcsDate, parseAcsDate } from "./acs-date.js";
export {
  type AuthorizationParts,
  authorizationHeader,
  parseAuthorizationHeader,
} from "./authorization-header.js";
export { type CanonicalHeaders, canonicalHeaders, isSignedHeaderName } from "./canonical-headers.js";
export { canonicalPath } from "./canonical-path.js";
export { canonicalQuery, type QueryParameters } from "./canonical-query.js";
export { type CanonicalRequestParts, canonicalRequest } from "./canonical-request.js";
export { constantTimeEqual } from "./constant-time-equal.js";
export { createNonce } from "./create-nonce.js";
export { hmacSha256Hex, sha256Hex } from "./hash.js";
export { percentEncode } from "./percent-encode.js";
export type { ReceivedHeaders } from "./received-headers.js";
export {
  type AccessKeyCredentials,
  type SignableRequest,
  type SignOptions,
  signRequest,
} from "./sign-request.js";
export {
  type SignableRequestV2,
  type SignOptionsV2,
  signRequestV2,
  v2Signature,
  v2StringToSign,
} from "./sign-request-v2.js";
export { ACS3_ALGORITHM, stringToSign } from "./string-to-sign.js";
export {
  DEFAULT_MAX_SKEW_MS,
  type ReceivedRequest,
  type SecretLookup,
  type VerifyOptions,
  verifyRequest,
} from "./verify-request.js";
export type { VerifyFailure, VerifyFailureCode, VerifyResult, VerifySuccess } from "./verify-result.js";
