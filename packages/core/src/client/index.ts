// Re-exports only.
export { LivenessApiError, NetworkError, ResponseFormatError, ValidationError } from "../errors/index.js";
export type {
  CallOptions,
  CommonClientOptions,
  DirectClientOptions,
  FaceLivenessCall,
  FetchFunction,
  LivenessClient,
  LivenessClientOptions,
  ProxyClientOptions,
  RetryEvent,
} from "./client-options.js";
export {
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
} from "./client-settings.js";
export { createDirectLivenessClient } from "./create-direct-liveness-client.js";
export { createLivenessClient } from "./create-liveness-client.js";
export { createProxyLivenessClient } from "./create-proxy-liveness-client.js";
export { DEFAULT_REGION } from "./direct-endpoints.js";
export { parseProxyAnswer } from "./parse-proxy-answer.js";
export { PROXY_FACE_LIVENESS_PATH, type ProxyRequestBody } from "./proxy-transport.js";
export { isFailoverError, isRetryableError, type RetryPolicy, retryDelayMs } from "./retry-policy.js";
