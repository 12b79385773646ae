// Re-exports only.
export { Base64Error } from "./base64-error.js";
export { LivenessApiError, type LivenessApiErrorFields } from "./liveness-api-error.js";
export { LivenessError } from "./liveness-error.js";
export { NetworkError } from "./network-error.js";
export { ResponseFormatError } from "./response-format-error.js";
export { ValidationError, type ValidationIssue } from "./validation-error.js";
