// Values shared by the vitest config (Node) and the tests (workerd). Test-only: none of these is a
// real credential.

/**
 * The environment variable through which the vitest config hands the global setup the two loopback ports it
 * picked (free ones, never fixed: `npm test` must pass while anything else runs) for the emulators.
 */
export const EMULATOR_PORTS_VARIABLE = "LIVENESS_PROXY_TEST_EMULATOR_PORTS";

/** Caller keys configured (as SHA-256 hashes) in the test bindings. */
export const TEST_CALLER_KEY = "test-caller-key-0123456789";
export const OTHER_CALLER_KEY = "other-caller-key-0123456789";

/** A caller key with the role "server" (it may look answers up). */
export const TEST_SERVER_KEY = "test-server-key-0123456789";

/**
 * The receipt signing key of the test bindings: a private EC P-256 JWK made for the tests, public here
 * on purpose, like everything in this file. Never use it anywhere else.
 */
export const TEST_RECEIPT_SIGNING_KEY = {
  kty: "EC",
  crv: "P-256",
  x: "Gx950CdjspqmBRIiTI8EA6KY1D6v8L_53YmHiEYxVqw",
  y: "FBx5tt1_0pj9t5QxD7HlCKEmfw49UpA8yVPsGsqleBI",
  d: "q5PmndAkfjjCrJOi8bWJ8n-3wn70Od2gFnnvIBGbuGQ",
  kid: "test-only-receipt-key",
  alg: "ES256",
  use: "sig",
} as const;
/** The audience of the test bindings' receipts. */
export const TEST_RECEIPT_AUDIENCE = "liveness-edge-proxy-tests-app";

/** The caller-token secret and audience of the test bindings. */
export const TEST_TOKEN_SECRET = "test-caller-token-secret-0123456789abcdef";
export const TEST_TOKEN_AUDIENCE = "liveness-edge-proxy-tests";

/** The origin the test bindings allow. */
export const ALLOWED_ORIGIN = "https://app.example.com";

/** The emulator's published development key pair (it is the proxy's upstream credential in tests). */
export const EMULATOR_ACCESS_KEY_ID = "LTAI5tEmulatorDevKey00001";
export const EMULATOR_ACCESS_KEY_SECRET = "emulator-dev-secret-do-not-use-in-production";
