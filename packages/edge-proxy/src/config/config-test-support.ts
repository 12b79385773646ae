// Shared by the configuration tests: the least configuration that starts, and the problems a change to it causes.
import { TEST_RECEIPT_SIGNING_KEY } from "../../test/test-constants.js";
import { ConfigError } from "./config-error.js";
import { loadProxyConfig } from "./proxy-config.js";

/** A caller key's SHA-256 in the form `CALLER_KEYS` takes. */
export const HASH = "a".repeat(64);

/** The least configuration the proxy starts with: the AccessKey, one caller key and the receipt key. */
export const minimal: Readonly<Record<string, string>> = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI-test",
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: "super-secret-value",
  CALLER_KEYS: JSON.stringify([{ id: "web", sha256: HASH }]),
  RECEIPT_SIGNING_KEY: JSON.stringify(TEST_RECEIPT_SIGNING_KEY),
};

/** The problems `loadProxyConfig` lists for `env` (none when it loads). */
export function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadProxyConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
