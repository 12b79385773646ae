// Re-exports only.
export { type ErrorAnswer, ErrorAnswerSchema, ErrorCodeSchema } from "./answer/error-answer.js";
export {
  type FaceLivenessAnswer,
  FaceLivenessAnswerSchema,
  type FaceLivenessResultAnswer,
  FaceLivenessResultSchema,
  FaceScoresSchema,
  ReceiptSchema,
} from "./answer/face-liveness-answer.js";
export {
  isProxyErrorCode,
  PROXY_ERROR_CODE_NAMES,
  PROXY_ERROR_CODES,
  type ProxyErrorCode,
  type ProxyErrorCodeInfo,
  ProxyErrorCodeSchema,
} from "./error-codes/proxy-error-codes.js";
export {
  FaceLivenessFormSchema,
  type FaceLivenessJson,
  FaceLivenessJsonSchema,
  FaceQualityCheckSchema,
  faceLivenessJsonSchema,
  ImageBase64Schema,
  ImageUrlSchema,
  MerchantBizIdSchema,
  MerchantUserIdSchema,
  NOT_AN_OBJECT,
  PictureSchema,
  pictureSchema,
} from "./request/face-liveness-request.js";
export {
  REQUEST_FIELDS,
  type RequestField,
  type RequestFieldName,
  requestFieldAt,
  requestFieldNames,
} from "./request/request-fields.js";
export { MAX_IMAGE_URL_LENGTH, SHA256_HEX } from "./request/request-limits.js";
