/**
 * `merchantUserId` is the SHA-256 of the app's user id as 64 lower-case hex digits, never the id itself
 * (FaceLivenessV2 asks for a desensitised id; the proxy insists on a hash).
 */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The longest `image.url` the proxy takes: its own policy, stricter than core's 4096-character limit of the
 * API (Alibaba fetches it; long URLs are a smuggling channel, not a need).
 */
export const MAX_IMAGE_URL_LENGTH = 2_048;
