import { createHash } from "node:crypto";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { freePort } from "./test/node/free-port.js";
import {
  ALLOWED_ORIGIN,
  EMULATOR_ACCESS_KEY_ID,
  EMULATOR_ACCESS_KEY_SECRET,
  EMULATOR_PORTS_VARIABLE,
  OTHER_CALLER_KEY,
  TEST_CALLER_KEY,
  TEST_RECEIPT_AUDIENCE,
  TEST_RECEIPT_SIGNING_KEY,
  TEST_SERVER_KEY,
  TEST_TOKEN_AUDIENCE,
  TEST_TOKEN_SECRET,
} from "./test/test-constants.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const generous = JSON.stringify({
  "ap-southeast-1": 1000,
  "cn-hongkong": 1000,
  "ap-southeast-5": 1000,
  "ap-southeast-3": 1000,
});

// Tests run inside workerd (real Durable Objects) against real emulators on loopback, started by the
// global setup on ports picked free for this run. These bindings replace the vars of wrangler.jsonc;
// single tests vary them by calling the worker with a modified env.
export default defineConfig(async () => {
  const [port, failingPort, slowPort] = [await freePort(), await freePort(), await freePort()];
  process.env[EMULATOR_PORTS_VARIABLE] = `${port},${failingPort},${slowPort}`;
  const EMULATOR_ORIGIN = `http://127.0.0.1:${port}`;
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.jsonc" },
        miniflare: {
          bindings: {
            UPSTREAM_ENDPOINT: EMULATOR_ORIGIN,
            TEST_EMULATOR_ORIGIN: EMULATOR_ORIGIN,
            TEST_FAILING_EMULATOR_ORIGIN: `http://127.0.0.1:${failingPort}`,
            TEST_SLOW_UPSTREAM_ORIGIN: `http://127.0.0.1:${slowPort}`,
            ALIBABA_REGION: "ap-southeast-1",
            ALIBABA_FAILOVER: "ap-southeast-1,cn-hongkong,ap-southeast-5,ap-southeast-3",
            ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_ACCESS_KEY_ID,
            ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET,
            CALLER_KEYS: JSON.stringify([
              { id: "test", sha256: sha256(TEST_CALLER_KEY) },
              { id: "other", sha256: sha256(OTHER_CALLER_KEY) },
              { id: "server", sha256: sha256(TEST_SERVER_KEY), role: "server" },
            ]),
            RECEIPT_SIGNING_KEY: JSON.stringify(TEST_RECEIPT_SIGNING_KEY),
            RECEIPT_AUDIENCE: TEST_RECEIPT_AUDIENCE,
            CALLER_TOKEN_SECRET: TEST_TOKEN_SECRET,
            CALLER_TOKEN_AUDIENCE: TEST_TOKEN_AUDIENCE,
            ALLOWED_ORIGINS: `${ALLOWED_ORIGIN},http://localhost:5173`,
            CALLER_RATE_PER_SECOND: "1000",
            CALLER_BURST: "1000",
            REGION_QPS: generous,
            UPSTREAM_TIMEOUT_MS: "5000",
            UPSTREAM_RETRIES: "2",
            UPSTREAM_RETRY_BASE_MS: "5",
            UPSTREAM_RETRY_MAX_MS: "20",
            UPSTREAM_BUDGET_MS: "15000",
            // Tests make the emulator fail on purpose; only the circuit-breaker tests let a circuit open.
            CIRCUIT_FAILURE_THRESHOLD: "1000",
          },
        },
      }),
    ],
    test: {
      include: ["src/**/*.test.ts"],
      globalSetup: ["./test/global-setup.ts"],
      // The proxy writes one log line per request; show them only for failing tests.
      silent: "passed-only" as const,
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  };
});
