import { isRegionId, REGION_IDS, REGIONS, type RegionId } from "@liveness-kit/core/spec";
import * as v from "valibot";
import { type BodyReadLimits, DEFAULT_BODY_READ_LIMITS } from "../input/body-read-limits.js";
import { imageHostEntryProblem } from "../input/image-host-entry.js";
import type { TokenBucketRule } from "../limits/token-bucket.js";
import type { CircuitRule } from "../upstream/circuit-breaker.js";
import { ConfigError } from "./config-error.js";
import { type ReceiptConfig, readReceiptConfig } from "./receipt-config.js";

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

/** The Worker's settings, parsed and checked once per `env` (see README.md for each variable). */
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

/** The variables `loadProxyConfig` reads (all strings, as Workers deliver vars and secrets). */
export type ProxyConfigSource = Readonly<Record<string, unknown>>;

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
  const read = new VariableReader(env, problems);

  const endpoints = read.endpoints();
  const accessKeyId = read.required("ALIBABA_CLOUD_ACCESS_KEY_ID");
  const accessKeySecret = read.required("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
  const securityToken = read.optional("ALIBABA_CLOUD_SECURITY_TOKEN");
  const callerKeys = read.callerKeys();
  const tokenSecret = read.optional("CALLER_TOKEN_SECRET");
  const audience = read.optional("CALLER_TOKEN_AUDIENCE") ?? "liveness-edge-proxy";
  if (tokenSecret !== undefined && tokenSecret.length < 32) {
    problems.push("CALLER_TOKEN_SECRET: use at least 32 characters");
  }
  if (callerKeys.length === 0 && tokenSecret === undefined) {
    problems.push(
      "CALLER_KEYS / CALLER_TOKEN_SECRET: configure at least one way for callers to authenticate",
    );
  }
  const callerRate: TokenBucketRule = {
    refillPerSecond: read.number("CALLER_RATE_PER_SECOND", 5, { min: 0.001, max: 100_000 }),
    capacity: read.number("CALLER_BURST", 10, { min: 1, max: 100_000, integer: true }),
  };
  const circuit: CircuitRule = {
    failureThreshold: read.number("CIRCUIT_FAILURE_THRESHOLD", 5, { min: 1, max: 1_000_000, integer: true }),
    cooldownMs: read.number("CIRCUIT_COOLDOWN_MS", 30_000, { min: 1, max: 3_600_000, integer: true }),
    probeTimeoutMs: 0,
  };
  const timeoutMs = read.number("UPSTREAM_TIMEOUT_MS", 10_000, { min: 1, max: 120_000, integer: true });
  circuit.probeTimeoutMs = timeoutMs;

  const config: ProxyConfig = {
    endpoints: endpoints.map,
    emulatedUpstream: endpoints.emulated,
    region: read.region(),
    failover: read.failover(),
    regionRates: read.regionRates(),
    credentials: {
      accessKeyId: accessKeyId ?? "",
      accessKeySecret: accessKeySecret ?? "",
      ...(securityToken === undefined ? {} : { securityToken }),
    },
    callerKeys,
    ...(tokenSecret === undefined ? {} : { callerToken: { secret: tokenSecret, audience } }),
    allowedOrigins: read.origins(),
    callerRate,
    timeoutMs,
    retries: read.number("UPSTREAM_RETRIES", 2, { min: 0, max: 10, integer: true }),
    retryBaseMs: read.number("UPSTREAM_RETRY_BASE_MS", 200, { min: 0, max: 60_000, integer: true }),
    retryMaxMs: read.number("UPSTREAM_RETRY_MAX_MS", 2_000, { min: 0, max: 60_000, integer: true }),
    budgetMs: read.number("UPSTREAM_BUDGET_MS", 25_000, { min: 1, max: 300_000, integer: true }),
    circuit,
    body: read.bodyReadLimits(),
    imageUrlHosts: read.imageUrlHosts(),
    idempotencyTtlMs:
      read.number("IDEMPOTENCY_TTL_SECONDS", 86_400, { min: 1, max: 30 * 86_400, integer: true }) * 1_000,
    leaseSlackMs: read.number("IDEMPOTENCY_LEASE_SLACK_MS", 10_000, {
      min: 100,
      max: 120_000,
      integer: true,
    }),
    receipts: readReceiptConfig(
      (name) => read.optional(name),
      (name, fallback, limits) => read.number(name, fallback, limits),
      problems,
      endpoints.emulated,
    ),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const HexSha256 = /^[0-9a-f]{64}$/;
const CallerKeysSchema = v.array(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/)),
    sha256: v.pipe(v.string(), v.regex(HexSha256)),
    ratePerSecond: v.optional(v.pipe(v.number(), v.minValue(0.001), v.maxValue(100_000))),
    burst: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
    role: v.optional(v.picklist(["browser", "server"])),
  }),
);
const RegionMapSchema = v.record(v.string(), v.unknown());

/** Reads one variable at a time, adding a problem (never the value) when it is wrong. */
class VariableReader {
  constructor(
    private readonly env: ProxyConfigSource,
    private readonly problems: string[],
  ) {}

  optional(name: string): string | undefined {
    const value = this.env[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") {
      this.problems.push(`${name}: must be a string`);
      return undefined;
    }
    return value.trim() === "" ? undefined : value;
  }

  required(name: string): string | undefined {
    const value = this.optional(name);
    if (value === undefined) this.problems.push(`${name}: required`);
    return value;
  }

  number(name: string, fallback: number, limits: { min: number; max: number; integer?: boolean }): number {
    const text = this.optional(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    const bad =
      !Number.isFinite(value) ||
      value < limits.min ||
      value > limits.max ||
      (limits.integer && !Number.isInteger(value));
    if (bad) {
      this.problems.push(`${name}: expected a number from ${limits.min} to ${limits.max}`);
      return fallback;
    }
    return value;
  }

  json(name: string): unknown {
    const text = this.optional(name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      this.problems.push(`${name}: not valid JSON`);
      return undefined;
    }
  }

  bodyReadLimits(): BodyReadLimits {
    const fallback = DEFAULT_BODY_READ_LIMITS;
    const whole = (name: string, value: number, min: number, max: number) =>
      this.number(name, value, { min, max, integer: true });
    return {
      maxBytes: whole("MAX_BODY_BYTES", fallback.maxBytes, 1_024, 50_000_000),
      idleTimeoutMs: whole("BODY_IDLE_TIMEOUT_MS", fallback.idleTimeoutMs, 100, 300_000),
      deadlineMs: whole("BODY_DEADLINE_MS", fallback.deadlineMs, 100, 600_000),
      drainMaxBytes: whole("BODY_DRAIN_MAX_BYTES", fallback.drainMaxBytes, 0, 100_000_000),
      drainMaxMs: whole("BODY_DRAIN_MAX_MS", fallback.drainMaxMs, 0, 60_000),
    };
  }

  region(): RegionId | "auto" {
    const text = this.optional("ALIBABA_REGION") ?? "auto";
    if (text === "auto" || isRegionId(text)) return text;
    this.problems.push(`ALIBABA_REGION: expected "auto" or one of ${REGION_IDS.join(", ")}`);
    return "auto";
  }

  failover(): RegionId[] {
    const text = this.optional("ALIBABA_FAILOVER");
    if (text === undefined) return [...REGION_IDS];
    const regions = text
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "");
    const unknown = regions.filter((region) => !isRegionId(region));
    if (unknown.length > 0 || regions.length === 0 || new Set(regions).size !== regions.length) {
      this.problems.push(`ALIBABA_FAILOVER: expected distinct regions among ${REGION_IDS.join(", ")}`);
      return [...REGION_IDS];
    }
    return regions as RegionId[];
  }

  regionRates(): Record<RegionId, TokenBucketRule> {
    const rates = Object.fromEntries(
      REGION_IDS.map((region) => [
        region,
        { capacity: REGIONS[region].qps, refillPerSecond: REGIONS[region].qps },
      ]),
    ) as Record<RegionId, TokenBucketRule>;
    const overrides = this.json("REGION_QPS");
    if (overrides === undefined) return rates;
    const parsed = v.safeParse(RegionMapSchema, overrides);
    if (!parsed.success) {
      this.problems.push("REGION_QPS: expected a JSON object of region to queries per second");
      return rates;
    }
    for (const [region, qps] of Object.entries(parsed.output)) {
      if (!isRegionId(region) || typeof qps !== "number" || !(qps > 0) || qps > 100_000) {
        this.problems.push(`REGION_QPS: "${region.slice(0, 32)}" needs a known region and a positive number`);
        continue;
      }
      if (qps < 2) {
        // Each caller gets half a region's burst (callerShare): a burst of 1 cannot be shared.
        this.problems.push(
          `REGION_QPS: "${region}" below 2 queries per second would let one caller take the whole region; give it at least 2`,
        );
        continue;
      }
      rates[region] = { capacity: Math.floor(qps), refillPerSecond: qps };
    }
    return rates;
  }

  endpoints(): { map: Partial<Record<RegionId, string>>; emulated: boolean } {
    const map: Partial<Record<RegionId, string>> = {};
    const single = this.optional("UPSTREAM_ENDPOINT");
    if (single !== undefined) {
      const base = this.baseUrl("UPSTREAM_ENDPOINT", single);
      if (base !== undefined) for (const region of REGION_IDS) map[region] = base;
    }
    const perRegion = this.json("UPSTREAM_ENDPOINTS");
    if (perRegion !== undefined) {
      const parsed = v.safeParse(RegionMapSchema, perRegion);
      if (!parsed.success) this.problems.push("UPSTREAM_ENDPOINTS: expected a JSON object of region to URL");
      for (const [region, url] of Object.entries(parsed.success ? parsed.output : {})) {
        if (!isRegionId(region) || typeof url !== "string") {
          this.problems.push(`UPSTREAM_ENDPOINTS: "${region.slice(0, 32)}" needs a known region and a URL`);
          continue;
        }
        const base = this.baseUrl("UPSTREAM_ENDPOINTS", url);
        if (base !== undefined) map[region] = base;
      }
    }
    return { map, emulated: Object.keys(map).length > 0 };
  }

  baseUrl(name: string, text: string): string | undefined {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      this.problems.push(`${name}: not a URL`);
      return undefined;
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) {
      this.problems.push(`${name}: expected an http(s) URL without credentials`);
      return undefined;
    }
    if (url.pathname !== "/" || url.search || url.hash) {
      this.problems.push(`${name}: expected a bare origin such as http://127.0.0.1:8790`);
      return undefined;
    }
    return url.origin;
  }

  callerKeys(): CallerKeyEntry[] {
    const raw = this.json("CALLER_KEYS");
    if (raw === undefined) return [];
    const parsed = v.safeParse(CallerKeysSchema, raw);
    if (!parsed.success) {
      this.problems.push(
        'CALLER_KEYS: expected [{ "id": "name", "sha256": "<64 lower-case hex>", "role": "browser" | "server" }, ...]',
      );
      return [];
    }
    const ids = new Set(parsed.output.map((entry) => entry.id));
    if (ids.size !== parsed.output.length) this.problems.push("CALLER_KEYS: ids must be distinct");
    return parsed.output.map((entry) => ({
      id: entry.id,
      sha256: entry.sha256,
      role: entry.role ?? "browser",
      ...(entry.ratePerSecond === undefined && entry.burst === undefined
        ? {}
        : {
            rate: {
              refillPerSecond:
                entry.ratePerSecond ?? this.number("CALLER_RATE_PER_SECOND", 5, { min: 0.001, max: 1e5 }),
              capacity: entry.burst ?? this.number("CALLER_BURST", 10, { min: 1, max: 1e5, integer: true }),
            },
          }),
    }));
  }

  imageUrlHosts(): string[] {
    const text = this.optional("IMAGE_URL_HOSTS");
    if (text === undefined) return [];
    const hosts: string[] = [];
    for (const part of text.split(",")) {
      const entry = part.trim().toLowerCase();
      if (entry === "") continue;
      const problem = imageHostEntryProblem(entry);
      if (problem !== undefined) this.problems.push(`IMAGE_URL_HOSTS: "${entry.slice(0, 64)}" ${problem}`);
      else hosts.push(entry);
    }
    return hosts;
  }

  origins(): Set<string> {
    const text = this.optional("ALLOWED_ORIGINS");
    const origins = new Set<string>();
    if (text === undefined) return origins;
    for (const part of text.split(",")) {
      const candidate = part.trim();
      if (candidate === "") continue;
      let origin: string | undefined;
      try {
        origin = new URL(candidate).origin;
      } catch {
        origin = undefined;
      }
      if (origin === undefined || origin === "null" || origin !== candidate) {
        this.problems.push(
          `ALLOWED_ORIGINS: "${candidate.slice(0, 64)}" is not an origin such as https://app.example`,
        );
        continue;
      }
      origins.add(origin);
    }
    return origins;
  }
}
