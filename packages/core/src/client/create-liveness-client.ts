import { ValidationError } from "../errors/index.js";
import type { LivenessClient, LivenessClientOptions } from "./client-options.js";
import { createDirectLivenessClient } from "./create-direct-liveness-client.js";
import { createProxyLivenessClient } from "./create-proxy-liveness-client.js";

/**
 * A FaceLivenessV2 client in one of two modes: `direct` signs and calls Alibaba (servers, Workers), `proxy`
 * calls our edge proxy with a caller token (browsers). A browser bundle that wants no signer imports
 * `createProxyLivenessClient` instead.
 */
// @__NO_SIDE_EFFECTS__
export function createLivenessClient(options: LivenessClientOptions): LivenessClient {
  const mode = (options as { mode?: unknown } | undefined)?.mode;
  if (mode === "direct")
    return createDirectLivenessClient(options as LivenessClientOptions & { mode: "direct" });
  if (mode === "proxy")
    return createProxyLivenessClient(options as LivenessClientOptions & { mode: "proxy" });
  throw new ValidationError([
    { field: "mode", code: "invalid_value", message: 'must be "direct" or "proxy"' },
  ]);
}
