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

/** The caller-token secret and audience of the test bindings. */
export const TEST_TOKEN_SECRET = "test-caller-token-secret-0123456789abcdef";
export const TEST_TOKEN_AUDIENCE = "liveness-edge-proxy-tests";

/** The origin the test bindings allow. */
export const ALLOWED_ORIGIN = "https://app.example.com";

/** The emulator's published development key pair (it is the proxy's upstream credential in tests). */
export const EMULATOR_ACCESS_KEY_ID = "LTAI5tEmulatorDevKey00001";
export const EMULATOR_ACCESS_KEY_SECRET = "emulator-dev-secret-do-not-use-in-production";
