// Re-exports only.
export { ValidationError, type ValidationIssue } from "../errors/index.js";
export {
  buildFaceLivenessRequest,
  buildFaceLivenessRequestFromBytes,
} from "./build-face-liveness-request.js";
export { encodeBase64FormBody } from "./encode-base64-form-body.js";
export { encodeBytesFormBody } from "./encode-bytes-form-body.js";
export { encodeBase64FormValue, encodeFormBody } from "./encode-form-body.js";
export type { FaceLivenessInput, FaceLivenessRequest } from "./face-liveness-input.js";
export { createMerchantBizId, isMerchantBizId } from "./merchant-biz-id.js";
export {
  isPictureSourceGiven,
  MERCHANT_USER_ID_MAX_LENGTH,
  PICTURE_URL_MAX_LENGTH,
  validateFaceLivenessInput,
} from "./validate-face-liveness-input.js";
