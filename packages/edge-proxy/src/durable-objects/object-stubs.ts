import type { RegionId } from "@liveness-kit/core/spec";
import type { ProxyEnv } from "../env.js";

/**
 * Where the proxy's Durable Objects live. A `RegionGate` guards an Alibaba region, and every call to that
 * region passes through it: it is created in Asia-Pacific (`locationHint: "apac"`), where Alibaba's four
 * regions are, so the hop to it is short for the users near those regions and costs a far user nothing it
 * would not pay to reach Alibaba anyway. A `CallerGate` and an `IdempotencyObject` serve one caller and
 * one `merchantBizId`: they are created where their first request came from, next to that caller.
 */
export function regionGate(env: ProxyEnv, region: RegionId) {
  return delayed(env, env.REGIONS.get(env.REGIONS.idFromName(region), { locationHint: "apac" }));
}

/** The `CallerGate` of a caller (its id: `key:<id>` or `token:<subject>`). */
export function callerGate(env: ProxyEnv, callerId: string) {
  return delayed(env, env.CALLERS.get(env.CALLERS.idFromName(callerId)));
}

/** The `IdempotencyObject` of a `merchantBizId`: one per deployment, whoever calls. */
export function idempotencyObject(env: ProxyEnv, merchantBizId: string) {
  return delayed(env, env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName(merchantBizId)));
}

/**
 * Benchmarks only: with `TEST_DO_DELAY_MS` set, every call to a Durable Object waits that long first, which
 * stands for an object in another colo (the latency model of `pnpm bench`). Unset in production, where
 * the stub is returned as it is.
 */
function delayed<T extends object>(env: ProxyEnv, stub: T): T {
  const delayMs = Number(env.TEST_DO_DELAY_MS ?? 0);
  if (!(delayMs > 0)) return stub;
  return new Proxy(stub, {
    get(target, property) {
      const value = Reflect.get(target, property);
      // Never thenable: a stub handed through `await` must stay a stub.
      if (typeof value !== "function" || property === "then") return value;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        // Reflect.apply: an RPC method stub would take `.apply` for a remote method of that name.
        return Reflect.apply(value, target, args);
      };
    },
  });
}
