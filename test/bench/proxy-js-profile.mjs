import { writeFileSync } from "node:fs";
import { freePort } from "../load/free-port.mjs";
import { startBenchWorker } from "./bench-worker.mjs";
import { proxyCallBodies } from "./proxy-call-cpu.mjs";
import { connectInspector } from "./proxy-call-profile.mjs";
import { callWorker } from "./proxy-js-cpu.mjs";
import { portraitOfSize } from "./proxy-latency.mjs";

/**
 * Where the proxy's JavaScript spends its CPU: V8's sampling profile of the bench Worker of proxy-js-cpu.mjs (the
 * proxy's app in a loop, Durable Objects and upstream stubbed) over `calls` calls of one kind. With no socket to
 * wait on, the samples are CPU, unlike the whole call's profile (proxy-call-profile.mjs). With the inspector
 * attached `console.log` costs far more than it does without (the log line shows as a native function under
 * `writeRequestLog`), and the profiler adds its own cost: read shares, and the totals of proxy-js-cpu.mjs.
 * @param {{ kind: string; calls: number; imageBytes: number; intervalUs?: number; out?: string }} options
 */
export async function profileProxyJs({ kind, calls, imageBytes, intervalUs = 100, out }) {
  const make = proxyCallBodies(await portraitOfSize(imageBytes))[kind];
  if (!make) throw new Error(`unknown kind ${kind}`);
  const request = new Request("http://bench/", { method: "POST", ...make() });
  const inspectorPort = await freePort();
  const worker = await startBenchWorker("proxy-js-cpu", {
    envFile: "packages/edge-proxy/dev.vars",
    inspectorPort,
  });
  const run = (runs, warm) => callWorker(worker.origin, { path: "post", runs, warm }, request);
  try {
    await run(0, 20);
    const inspector = await connectInspector(inspectorPort);
    try {
      await inspector.send("Profiler.enable");
      await inspector.send("Profiler.setSamplingInterval", { interval: intervalUs });
      await inspector.send("Profiler.start");
      await run(calls, 0);
      const { profile } = await inspector.send("Profiler.stop");
      if (out) writeFileSync(out, JSON.stringify(profile));
      return byFunction(profile, calls);
    } finally {
      inspector.close();
    }
  } finally {
    worker.stop();
  }
}

/** Sampled ms per call, by function (name and line of the bundle): self, and inclusive (each name once a sample). */
function byFunction(profile, calls) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = ({ callFrame }) =>
    `${callFrame.functionName || "(anonymous)"}${callFrame.lineNumber >= 0 ? `:${callFrame.lineNumber}` : ""}`;
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    total += us;
    const name = nameOf(nodes.get(id));
    self.set(name, (self.get(name) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const ancestor = nameOf(nodes.get(at));
      if (!seen.has(ancestor)) inclusive.set(ancestor, (inclusive.get(ancestor) ?? 0) + us);
      seen.add(ancestor);
    }
  });
  const top = (map, count) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => [name, Math.round(us / calls) / 1000]);
  return {
    sampledMsPerCall: Math.round(total / calls) / 1000,
    self: top(self, 30),
    inclusive: top(inclusive, 40),
  };
}

// `node --experimental-websocket test/bench/proxy-js-profile.mjs` (after `pnpm run build`): not part of `pnpm bench`.
// PROFILE_KIND: "JSON base64" (default) or "multipart"; PROFILE_CALLS (default 400); PROFILE_OUT: a file for
// Chrome's DevTools; PROFILE_INTERVAL_US (default 100).
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await profileProxyJs({
    kind: process.env.PROFILE_KIND ?? "JSON base64",
    calls: Number(process.env.PROFILE_CALLS ?? 400),
    imageBytes: 600 * 1024,
    intervalUs: Number(process.env.PROFILE_INTERVAL_US ?? 100),
    out: process.env.PROFILE_OUT,
  });
  console.log(JSON.stringify(result, null, 1));
}
