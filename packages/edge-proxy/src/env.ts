import type { ProxyVariableName } from "./config/proxy-variables.js";
import type { CallerGate } from "./durable-objects/caller-gate.js";
import type { IdempotencyObject } from "./durable-objects/idempotency-object.js";
import type { RegionGate } from "./durable-objects/region-gate.js";

/**
 * The settings: each variable of the configuration's table (`config/proxy-variables.ts`, which says what
 * each one does), a string as Workers deliver vars and secrets, or unset.
 */
export type ProxySettings = { [Name in ProxyVariableName]?: string };

/**
 * The Worker's bindings: three Durable Object namespaces and the settings (vars from wrangler.jsonc,
 * secrets from `wrangler secret put`, dev.vars locally).
 */
export interface ProxyEnv extends ProxySettings {
  IDEMPOTENCY: DurableObjectNamespace<IdempotencyObject>;
  CALLERS: DurableObjectNamespace<CallerGate>;
  REGIONS: DurableObjectNamespace<RegionGate>;

  /** Benchmarks only (the latency model): milliseconds added to every Durable Object call. Never set it in production. */
  TEST_DO_DELAY_MS?: string;
}
