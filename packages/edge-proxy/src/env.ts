import type { CallerGate } from "./durable-objects/caller-gate.js";
import type { IdempotencyObject } from "./durable-objects/idempotency-object.js";
import type { RegionGate } from "./durable-objects/region-gate.js";

/**
 * The Worker's bindings: three Durable Object namespaces and the settings, all strings (vars from
 * wrangler.jsonc, secrets from `wrangler secret put`, dev.vars locally). README.md documents each one.
 */
export interface ProxyEnv {
  IDEMPOTENCY: DurableObjectNamespace<IdempotencyObject>;
  CALLERS: DurableObjectNamespace<CallerGate>;
  REGIONS: DurableObjectNamespace<RegionGate>;

  UPSTREAM_ENDPOINT?: string;
  UPSTREAM_ENDPOINTS?: string;
  ALIBABA_REGION?: string;
  ALIBABA_FAILOVER?: string;
  REGION_QPS?: string;
  ALIBABA_CLOUD_ACCESS_KEY_ID?: string;
  ALIBABA_CLOUD_ACCESS_KEY_SECRET?: string;
  ALIBABA_CLOUD_SECURITY_TOKEN?: string;

  CALLER_KEYS?: string;
  CALLER_TOKEN_SECRET?: string;
  CALLER_TOKEN_AUDIENCE?: string;
  ALLOWED_ORIGINS?: string;
  IMAGE_URL_HOSTS?: string;
  CALLER_RATE_PER_SECOND?: string;
  CALLER_BURST?: string;

  UPSTREAM_TIMEOUT_MS?: string;
  UPSTREAM_RETRIES?: string;
  UPSTREAM_RETRY_BASE_MS?: string;
  UPSTREAM_RETRY_MAX_MS?: string;
  UPSTREAM_BUDGET_MS?: string;
  CIRCUIT_FAILURE_THRESHOLD?: string;
  CIRCUIT_COOLDOWN_MS?: string;
  MAX_BODY_BYTES?: string;
  BODY_IDLE_TIMEOUT_MS?: string;
  BODY_DEADLINE_MS?: string;
  BODY_DRAIN_MAX_BYTES?: string;
  BODY_DRAIN_MAX_MS?: string;
  IDEMPOTENCY_TTL_SECONDS?: string;
  IDEMPOTENCY_LEASE_SLACK_MS?: string;

  RECEIPT_SIGNING_KEY?: string;
  RECEIPT_PUBLIC_KEYS?: string;
  RECEIPT_ISSUER?: string;
  RECEIPT_AUDIENCE?: string;
  RECEIPT_TTL_SECONDS?: string;

  /** Benchmarks only (the latency model): milliseconds added to every Durable Object call. Never set it in production. */
  TEST_DO_DELAY_MS?: string;
}
