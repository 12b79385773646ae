import { REGION_IDS } from "@liveness-kit/core/spec";
import { DEFAULT_BODY_READ_LIMITS as BODY } from "../input/body-read-limits.js";
import { parseAllowedOrigins } from "./allowed-origins.js";
import { parseCallerKeys } from "./caller-key-variables.js";
import { parseUpstreamEndpoint, parseUpstreamEndpoints } from "./endpoint-variables.js";
import { parseImageUrlHosts } from "./image-url-hosts.js";
import { decimalNumber, wholeNumber } from "./number-variable.js";
import { parsePublishedKeys, parseSigningKey } from "./receipt-key-variables.js";
import { ALIBABA_QPS, parseFailover, parseRegion, parseRegionQps } from "./region-variables.js";
import { text } from "./text-variable.js";
import type { Variable } from "./variable.js";

const regions = REGION_IDS.map((region) => `\`${region}\``).join(", ");

/** The longest life of a receipt: it proves one past decision, so it should be used at once. */
const MAX_RECEIPT_TTL_SECONDS = 3_600;

/**
 * Every variable of the proxy's configuration, in the order the README lists them: the one place that says
 * what each does, its default, the values it takes and whether it is a secret. `env.ts` types these names;
 * a test holds the README's table, wrangler.jsonc's `vars`, dev.vars and the start script to this table.
 */
export const PROXY_VARIABLES = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: text({
    required: true,
    secret: true,
    meaning: "the AccessKey the proxy signs with",
  }),
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: text({
    required: true,
    secret: true,
    meaning: "its secret; never logged or answered",
  }),
  ALIBABA_CLOUD_SECURITY_TOKEN: text({
    secret: true,
    meaning: "the STS token when the key pair is temporary",
  }),
  UPSTREAM_ENDPOINT: {
    unset: "none: Alibaba's hosts",
    values: "a bare http(s) origin",
    meaning: "one base URL for every region, e.g. `http://127.0.0.1:8790` (the emulator)",
    parse: parseUpstreamEndpoint,
  },
  UPSTREAM_ENDPOINTS: {
    values: 'JSON `{ "<region>": "<base URL>" }`',
    meaning: "a base URL per region, wins over `UPSTREAM_ENDPOINT` (tests use it to fail one region)",
    parse: parseUpstreamEndpoints,
  },
  ALIBABA_REGION: {
    default: "auto",
    values: `\`auto\` or one of ${regions}`,
    meaning: "the first region to call: a fixed one, or `auto`, the one nearest the caller",
    parse: parseRegion,
  },
  ALIBABA_FAILOVER: {
    default: REGION_IDS.join(","),
    values: "distinct regions, comma-separated",
    meaning: "the regions in fail-over order; one region means no fail-over",
    parse: parseFailover,
  },
  REGION_QPS: {
    unset: `Alibaba's ${ALIBABA_QPS}`,
    values: 'JSON `{ "<region>": <queries per second> }`, each 2 to 100000',
    meaning: "each region's token bucket; lower it when other systems use the same Alibaba account",
    parse: parseRegionQps,
  },
  CALLER_KEYS: {
    secret: true,
    values:
      'JSON `[{ "id": "web", "sha256": "<64 hex>", "role"?: "browser" | "server", "ratePerSecond"?: 5, "burst"?: 10 }]`',
    meaning: "the callers' keys, as their SHA-256; a `server` key may also look answers up",
    parse: parseCallerKeys,
  },
  CALLER_TOKEN_SECRET: text({ secret: true, minLength: 32, meaning: "enables caller tokens" }),
  CALLER_TOKEN_AUDIENCE: text({ default: "liveness-edge-proxy", meaning: "the audience tokens must name" }),
  ALLOWED_ORIGINS: {
    values: "comma-separated origins, e.g. `https://app.example.com` (no `*`, no paths)",
    meaning: "the browser origins that may call (CORS)",
    parse: parseAllowedOrigins,
  },
  IMAGE_URL_HOSTS: {
    unset: "none: `image.url` off",
    values: "comma-separated host names or `*.suffix`: `images.example.com`, `*.cdn.example.com`",
    meaning: "the hosts `image.url` may name",
    parse: parseImageUrlHosts,
  },
  CALLER_RATE_PER_SECOND: decimalNumber({
    default: 5,
    min: 0.001,
    max: 100_000,
    meaning: "the per-caller token bucket: tokens per second",
  }),
  CALLER_BURST: wholeNumber({
    default: 10,
    min: 1,
    max: 100_000,
    meaning: "the per-caller token bucket: its size",
  }),
  UPSTREAM_TIMEOUT_MS: wholeNumber({ default: 10_000, min: 1, max: 120_000, meaning: "per try" }),
  UPSTREAM_RETRIES: wholeNumber({ default: 2, min: 0, max: 10, meaning: "retries per region" }),
  UPSTREAM_RETRY_BASE_MS: wholeNumber({ default: 200, min: 0, max: 60_000, meaning: "the back-off's base" }),
  UPSTREAM_RETRY_MAX_MS: wholeNumber({
    default: 2_000,
    min: 0,
    max: 60_000,
    meaning: "the longest back-off; the longest wait the proxy accepts",
  }),
  UPSTREAM_BUDGET_MS: wholeNumber({
    default: 25_000,
    min: 1,
    max: 300_000,
    meaning: "the whole upstream phase, all regions and retries",
  }),
  CIRCUIT_FAILURE_THRESHOLD: wholeNumber({
    default: 5,
    min: 1,
    max: 1_000_000,
    meaning: "the failures in a row that open a region's circuit",
  }),
  CIRCUIT_COOLDOWN_MS: wholeNumber({
    default: 30_000,
    min: 1,
    max: 3_600_000,
    meaning: "how long an open circuit waits before a probe",
  }),
  MAX_BODY_BYTES: wholeNumber({
    default: BODY.maxBytes,
    min: 1_024,
    max: 50_000_000,
    meaning: "the largest body; the default fits a 1 MiB picture as base64 JSON",
  }),
  BODY_IDLE_TIMEOUT_MS: wholeNumber({
    default: BODY.idleTimeoutMs,
    min: 100,
    max: 300_000,
    meaning: "the longest pause between two chunks of a body, then 408 `body_timeout`",
  }),
  BODY_DEADLINE_MS: wholeNumber({
    default: BODY.deadlineMs,
    min: 100,
    max: 600_000,
    meaning: "the longest a whole body may take from its first read, then 408",
  }),
  BODY_DRAIN_MAX_BYTES: wholeNumber({
    default: BODY.drainMaxBytes,
    min: 0,
    max: 100_000_000,
    meaning: "the most of a body read and thrown away before a refusal",
  }),
  BODY_DRAIN_MAX_MS: wholeNumber({
    default: BODY.drainMaxMs,
    min: 0,
    max: 60_000,
    meaning: "the longest that drain takes; `0` turns it off",
  }),
  IDEMPOTENCY_TTL_SECONDS: wholeNumber({
    default: 86_400,
    min: 1,
    max: 30 * 86_400,
    meaning: "how long billed answers are replayed (and can be looked up)",
  }),
  IDEMPOTENCY_LEASE_SLACK_MS: wholeNumber({
    default: 10_000,
    min: 100,
    max: 120_000,
    meaning: "how long past `UPSTREAM_BUDGET_MS` a run holds its `merchantBizId`",
  }),
  RECEIPT_SIGNING_KEY: {
    required: "a private EC P-256 JWK; make one with `pnpm --filter @liveness-kit/edge-proxy receipt-key`",
    secret: true,
    values: "a private EC P-256 JWK",
    meaning: "signs receipts; `pnpm receipt-key` makes one",
    parse: parseSigningKey,
  },
  RECEIPT_PUBLIC_KEYS: {
    values: "JSON array of public JWKs with a `kid` (never `d`)",
    meaning: "older keys still published at `/.well-known/jwks.json` (rotation)",
    parse: parsePublishedKeys,
  },
  RECEIPT_ISSUER: text({
    unset: "the proxy's origin",
    maxLength: 256,
    meaning: "the receipts' `iss`; set it to the public URL when the Worker is reached through another name",
  }),
  RECEIPT_AUDIENCE: text({
    default: "liveness-app",
    maxLength: 256,
    meaning: "the receipts' `aud`: name your app's backend",
  }),
  RECEIPT_TTL_SECONDS: wholeNumber({
    default: 600,
    min: 10,
    max: MAX_RECEIPT_TTL_SECONDS,
    meaning: "a receipt's life (more than an hour is refused at start)",
  }),
} satisfies Record<string, Variable<unknown>>;

/** The name of a variable of the configuration. */
export type ProxyVariableName = keyof typeof PROXY_VARIABLES;
