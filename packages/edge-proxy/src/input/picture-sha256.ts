import { sha256Hex } from "@liveness-kit/core/sign";

// Keyed by the bytes themselves (weakly: nothing outlives its request), so each picture is hashed once.
const digests = new WeakMap<Uint8Array, Promise<string>>();

/**
 * The hex SHA-256 of a picture's bytes, computed once per picture: the idempotency fingerprint and the
 * receipt's `imageSha256` both need it, and hashing 600 KB twice is CPU a Worker pays for.
 */
export function pictureSha256(bytes: Uint8Array): Promise<string> {
  let digest = digests.get(bytes);
  if (digest === undefined) {
    digest = sha256Hex(bytes);
    digests.set(bytes, digest);
  }
  return digest;
}
