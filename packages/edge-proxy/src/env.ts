import type { IdempotencyObject } from "./durable-objects/idempotency-object.js";
import type { RateLimitObject } from "./durable-objects/rate-limit-object.js";
import type { RegionCircuit } from "./durable-objects/region-circuit.js";
import type { TokenReplayObject } from "./durable-objects/token-replay-object.js";

/**
 * The Worker's bindings: four Durable Object namespaces and the settings, all strings (vars from
 * wrangler.jsonc, secrets from `wrangler secret put`, dev.vars locally). README.md documents each one.
 */
export interface ProxyEnv {
  IDEMPOTENCY: DurableObjectNamespace<IdempotencyObject>;
  RATE_LIMITS: DurableObjectNamespace<RateLimitObject>;
  REGION_CIRCUITS: DurableObjectNamespace<RegionCircuit>;
  USED_TOKENS: DurableObjectNamespace<TokenReplayObject>;

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
}
