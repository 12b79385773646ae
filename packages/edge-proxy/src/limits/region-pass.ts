import type { RegionId } from "@liveness-kit/core/spec";
import type { ProxyConfig } from "../config/proxy-config.js";
import { regionGate } from "../durable-objects/object-stubs.js";
import type { GateDecision, GateRequest } from "../durable-objects/region-gate.js";
import type { ProxyEnv } from "../env.js";
import { faceLivenessOrigin } from "../upstream/upstream-endpoint.js";

/** A pass through a region's gate, asked for before it is known to be needed (see `askRegionPass`). */
export interface RegionPass {
  region: RegionId;
  request: GateRequest;
  decision: Promise<GateDecision>;
}

/**
 * What a call to `region` asks of its `RegionGate`: the endpoint's circuit, the region's bucket at
 * Alibaba's per-account QPS (10 or 3, or `REGION_QPS`, so the proxy itself never makes Alibaba throttle the
 * account) and, inside the gate, the caller's half of it.
 */
export function gateRequest(config: ProxyConfig, region: RegionId, callerTag: string): GateRequest {
  return {
    origin: faceLivenessOrigin(config, region),
    circuit: config.circuit,
    bucket: config.regionRates[region],
    caller: callerTag,
  };
}

/**
 * Asks the first region's gate now, beside the idempotency decision, so a first call makes one round trip
 * for both. A request that then does not run (a replay, a refused caller) gives the pass back with
 * `returnRegionPass`.
 */
export function askRegionPass(
  env: ProxyEnv,
  config: ProxyConfig,
  region: RegionId,
  callerTag: string,
): RegionPass {
  const request = gateRequest(config, region, callerTag);
  const decision = regionGate(env, region).pass(request);
  decision.catch(() => {});
  return { region, request, decision };
}

/**
 * Gives an unused pass back (its tokens, a trial it held). Off the answer's path: a pass never given back
 * only spends a token that refills within a second, and a trial that times out by itself.
 */
export async function returnRegionPass(env: ProxyEnv, pass: RegionPass): Promise<void> {
  const decision = await pass.decision;
  if (decision.allowed) await regionGate(env, pass.region).giveBack(pass.request, decision);
}
