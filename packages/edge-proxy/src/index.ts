import { app } from "./app.js";
import type { ProxyEnv } from "./env.js";

// The Durable Object classes, exported under the names wrangler.jsonc binds and migrates.
export { CallerGate } from "./durable-objects/caller-gate.js";
export { IdempotencyObject } from "./durable-objects/idempotency-object.js";
export { RegionGate } from "./durable-objects/region-gate.js";

/** The Worker: the Hono app serves every request; the Durable Object classes are exported beside it. */
export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
} satisfies ExportedHandler<ProxyEnv>;
