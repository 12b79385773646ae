import { startLocalStack } from "../load/local-stack.mjs";
import { measureProxyLatency, PROXY_LATENCY_VARS } from "./proxy-latency.mjs";

/** Hop delays: the same colo, a neighbouring one, another continent. */
export const HOP_DELAYS_MS = [0, 20, 80];

/**
 * Sequential Durable Object round trips a first call (caller key) waits for, before issue 15 and now
 * (counted in workerd by packages/edge-proxy/src/routes/durable-object-round-trips.test.ts).
 */
export const ROUND_TRIPS = { before: 6, after: 2 };

/**
 * The latency model: for each hop delay, the local stack runs with `TEST_DO_DELAY_MS` (every Durable Object
 * call takes that much longer) and the emulator answers that much later (its default scenario, `latencyMs`),
 * and the proxy's added latency is its p50 less the p50 of the same call sent straight to the emulator, which
 * pays the upstream delay too. One stack per delay, on free ports; each is stopped before the next starts.
 * @param {{ rounds: number; warmUp: number }} options
 * @returns {Promise<Array<{ delayMs: number; direct: number; proxy: number; added: number }>>}
 */
export async function measureLatencyModel({ rounds, warmUp }) {
  const results = [];
  for (const delayMs of HOP_DELAYS_MS) {
    const stack = await startLocalStack({
      name: `bench-latency-${delayMs}`,
      proxyVars: { ...PROXY_LATENCY_VARS, TEST_DO_DELAY_MS: String(delayMs) },
    });
    try {
      const scenario = await fetch(`${stack.emulator}/__emulator/scenarios`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ outcome: "latency", latencyMs: delayMs }),
      });
      if (!scenario.ok) throw new Error(`the emulator refused the latency scenario: ${scenario.status}`);
      const latency = await measureProxyLatency(stack, { rounds, warmUp });
      results.push({
        delayMs,
        direct: latency.direct.p50,
        proxy: latency.proxy.p50,
        added: latency.proxy.p50 - latency.direct.p50,
      });
    } finally {
      await stack.stop();
    }
  }
  return results;
}

/**
 * What the model says for a user: the proxy's added latency when the Durable Objects are `hopMs` away, from
 * the measured figure at no delay plus the round trips times the hop (before: `ROUND_TRIPS.before`).
 */
export function addedLatencyMs(atZeroMs, roundTrips, hopMs) {
  return atZeroMs + roundTrips * hopMs;
}

// `node test/bench/proxy-latency-model.mjs` (after `pnpm run build`): only this part of `pnpm bench`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.env.BENCH_LATENCY_ROUNDS ?? 20);
  for (const result of await measureLatencyModel({ rounds, warmUp: 3 })) {
    const fixed = (value) => value.toFixed(1);
    console.log(
      `hop ${result.delayMs} ms: proxy p50 ${fixed(result.proxy)} ms, direct p50 ${fixed(result.direct)} ms, added ${fixed(result.added)} ms`,
    );
  }
}
