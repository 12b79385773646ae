import type { RegionId } from "@liveness-kit/core/spec";
import type { BodyReadLimits } from "../input/body-read-limits.js";
import type { TokenBucketRule } from "../limits/token-bucket.js";
import type { CircuitRule } from "../upstream/circuit-breaker.js";
import type { CallerKeyText } from "./caller-key-variables.js";
import { ConfigError } from "./config-error.js";
import { upstreamEndpoints } from "./endpoint-variables.js";
import { type ProxyConfigSource, readVariables } from "./read-variables.js";
import { type ReceiptConfig, receiptConfigOf } from "./receipt-config.js";

export type { ProxyConfigSource } from "./read-variables.js";

/** One caller key as configured: only the SHA-256 of the key is known to the proxy. */
export interface CallerKeyEntry {
  id: string;
  sha256: string;
  /** `browser` (the default) may only call; `server` may also look answers up. */
  role: CallerRole;
  /** Overrides of the default per-caller rate. */
  rate?: TokenBucketRule;
}

/** What a caller may do: a browser key only calls; a server key may also look up stored answers. */
export type CallerRole = "browser" | "server";

/** The Worker's settings, parsed and checked once per `env` (each variable: `proxy-variables.ts`). */
export interface ProxyConfig {
  /** Base URL per region; `undefined` means Alibaba's real public host of the region. */
  endpoints: Readonly<Partial<Record<RegionId, string>>>;
  /** True when the upstream is the emulator (or another stand-in): OSS uploads go to its `/__oss/`. */
  emulatedUpstream: boolean;
  region: RegionId | "auto";
  failover: readonly RegionId[];
  regionRates: Readonly<Record<RegionId, TokenBucketRule>>;
  credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
  callerKeys: readonly CallerKeyEntry[];
  callerToken?: { secret: string; audience: string };
  allowedOrigins: ReadonlySet<string>;
  callerRate: TokenBucketRule;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  budgetMs: number;
  circuit: CircuitRule;
  /** The body's size limit, its idle timeout and deadline, and the drain before a refusal. */
  body: BodyReadLimits;
  /** Hosts `image.url` may name (exact names or `*.suffix`); empty: URL mode is off. */
  imageUrlHosts: readonly string[];
  idempotencyTtlMs: number;
  /** How long past the upstream budget a run may hold its `merchantBizId` before a duplicate may take over. */
  leaseSlackMs: number;
  receipts: ReceiptConfig;
}

// Workers hand the same `env` object to every request of an isolate: the variables are read once.
const cache = new WeakMap<object, ProxyConfig>();

/**
 * Parses the Worker's variables into a `ProxyConfig`, cached per `env` object. Throws `ConfigError`
 * listing every problem (names and reasons, never values).
 */
export function loadProxyConfig(env: ProxyConfigSource): ProxyConfig {
  const cached = cache.get(env);
  if (cached) return cached;
  const config = parseProxyConfig(env);
  cache.set(env, config);
  return config;
}

function parseProxyConfig(env: ProxyConfigSource): ProxyConfig {
  const problems: string[] = [];
  const values = readVariables(env, problems);
  const tokenSecret = values.CALLER_TOKEN_SECRET;
  if (values.CALLER_KEYS.length === 0 && tokenSecret === undefined) {
    problems.push(
      "CALLER_KEYS / CALLER_TOKEN_SECRET: configure at least one way for callers to authenticate",
    );
  }
  const endpoints = upstreamEndpoints(values.UPSTREAM_ENDPOINT, values.UPSTREAM_ENDPOINTS);
  const emulatedUpstream = Object.keys(endpoints).length > 0;
  const callerRate: TokenBucketRule = {
    refillPerSecond: values.CALLER_RATE_PER_SECOND,
    capacity: values.CALLER_BURST,
  };
  const securityToken = values.ALIBABA_CLOUD_SECURITY_TOKEN;
  const config: ProxyConfig = {
    endpoints,
    emulatedUpstream,
    region: values.ALIBABA_REGION,
    failover: values.ALIBABA_FAILOVER,
    regionRates: values.REGION_QPS,
    credentials: {
      accessKeyId: values.ALIBABA_CLOUD_ACCESS_KEY_ID ?? "",
      accessKeySecret: values.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? "",
      ...(securityToken === undefined ? {} : { securityToken }),
    },
    callerKeys: values.CALLER_KEYS.map((entry) => callerKeyEntry(entry, callerRate)),
    ...(tokenSecret === undefined
      ? {}
      : { callerToken: { secret: tokenSecret, audience: values.CALLER_TOKEN_AUDIENCE } }),
    allowedOrigins: values.ALLOWED_ORIGINS,
    callerRate,
    timeoutMs: values.UPSTREAM_TIMEOUT_MS,
    retries: values.UPSTREAM_RETRIES,
    retryBaseMs: values.UPSTREAM_RETRY_BASE_MS,
    retryMaxMs: values.UPSTREAM_RETRY_MAX_MS,
    budgetMs: values.UPSTREAM_BUDGET_MS,
    circuit: {
      failureThreshold: values.CIRCUIT_FAILURE_THRESHOLD,
      cooldownMs: values.CIRCUIT_COOLDOWN_MS,
      probeTimeoutMs: values.UPSTREAM_TIMEOUT_MS,
    },
    body: {
      maxBytes: values.MAX_BODY_BYTES,
      idleTimeoutMs: values.BODY_IDLE_TIMEOUT_MS,
      deadlineMs: values.BODY_DEADLINE_MS,
      drainMaxBytes: values.BODY_DRAIN_MAX_BYTES,
      drainMaxMs: values.BODY_DRAIN_MAX_MS,
    },
    imageUrlHosts: values.IMAGE_URL_HOSTS,
    idempotencyTtlMs: values.IDEMPOTENCY_TTL_SECONDS * 1_000,
    leaseSlackMs: values.IDEMPOTENCY_LEASE_SLACK_MS,
    receipts: receiptConfigOf(values, emulatedUpstream, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** A caller key with its role, and its own rate where it sets one (the rest from the per-caller default). */
function callerKeyEntry(entry: CallerKeyText, callerRate: TokenBucketRule): CallerKeyEntry {
  const { id, sha256, ratePerSecond, burst } = entry;
  return {
    id,
    sha256,
    role: entry.role ?? "browser",
    ...(ratePerSecond === undefined && burst === undefined
      ? {}
      : {
          rate: {
            refillPerSecond: ratePerSecond ?? callerRate.refillPerSecond,
            capacity: burst ?? callerRate.capacity,
          },
        }),
  };
}
