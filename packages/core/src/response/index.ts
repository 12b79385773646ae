// Re-exports only.
export { LivenessApiError, ResponseFormatError } from "../errors/index.js";
export type { FaceLivenessResult, FaceScores } from "./face-liveness-result.js";
export { parseFaceLivenessResponse, type RawResponse } from "./parse-face-liveness-response.js";
export { type ResponseHeaders, retryAfterMs } from "./retry-after-ms.js";
export { toLivenessApiError, UNKNOWN_ERROR_CODE } from "./to-liveness-api-error.js";
