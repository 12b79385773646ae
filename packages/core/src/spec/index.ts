// Re-exports only.
export { API_ERRORS, describeApiError, type ErrorInfo } from "./api-errors.js";
export {
  AUTHORIZE_FILE_UPLOAD,
  DEFAULT_PRODUCT_CODE,
  FACE_LIVENESS_ACTION,
  FACE_LIVENESS_VERSION,
  isProductCode,
  MERCHANT_BIZ_ID_PATTERN,
  PRODUCT_CODES,
  type ProductCode,
} from "./constants.js";
export { IMAGE_LIMITS } from "./image-limits.js";
export {
  isRegionId,
  REGION_IDS,
  REGIONS,
  type Region,
  type RegionId,
  type RegionNetwork,
  regionHost,
} from "./regions.js";
export { SUB_CODES, type SubCodeInfo } from "./sub-codes.js";
