import { bytesToHex } from "@liveness-kit/core/bytes";
/**
 * A request id in Alibaba's format: an upper-case UUID such as `130A2C10-B9EE-4D84-88E3-5384FF0B2F1C`
 * (the example in the FaceLivenessV2 reference).
 */
export function createRequestId(): string {
  return crypto.randomUUID().toUpperCase();
}

/**
 * A transaction id in the style of the FaceLivenessV2 reference example (`hksb7ba1b28130d24e015d694361****`):
 * the prefix `hksb` and 28 lower-case hex characters, 32 in all. The format is modelled on that single published
 * example; Alibaba does not document it, so callers must treat it as opaque.
 */
export function createTransactionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  return `hksb${bytesToHex(bytes)}`;
}
