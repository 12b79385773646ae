import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { callProxy, proxyCallBodies, startProxyCallStack } from "./proxy-call-cpu.mjs";
import { portraitOfSize } from "./proxy-latency.mjs";

// The proxy's own functions (and the runtime's) whose inclusive time tells where a call's CPU goes.
const PHASES = [
  "readBoundedBody",
  "parseFaceLivenessBody",
  "preparePicture",
  "verifyImageData",
  "requestFingerprint",
  "pictureDigest",
  "buildFaceLivenessRequest",
  "signRequest",
  "digest",
  "runOnce",
  "callUpstream",
  "answerWithReceipt",
  "fetch",
  "(garbage collector)",
];

/**
 * Where the CPU of a whole proxy call goes in workerd: V8's sampling profiler (through `wrangler dev`'s
 * inspector) over `calls` sequential calls of one kind ("JSON base64" or "multipart"), summed by function.
 * The profiler slows the Worker down several times (it samples every 50 µs), so its milliseconds are not the
 * call's: read the shares. Writes the profile to `out` (open it in Chrome's DevTools, Performance panel).
 * @param {{ kind: string; calls: number; imageBytes: number; out?: string }} options
 */
export async function profileProxyCall({ kind, calls, imageBytes, out, intervalUs = 50 }) {
  const make = proxyCallBodies(await portraitOfSize(imageBytes))[kind];
  if (!make) throw new Error(`unknown kind ${kind}`);
  const stack = await startProxyCallStack("bench-call-profile");
  try {
    for (let index = 0; index < 8; index++) await callProxy(stack, make);
    const inspector = await connectInspector(inspectorPort(new URL(stack.proxy).port));
    try {
      await inspector.send("Profiler.enable");
      await inspector.send("Profiler.setSamplingInterval", { interval: intervalUs });
      await inspector.send("Profiler.start");
      for (let index = 0; index < calls; index++) await callProxy(stack, make);
      const { profile } = await inspector.send("Profiler.stop");
      if (out) writeFileSync(out, JSON.stringify(profile));
      return summarize(profile, calls);
    } finally {
      inspector.close();
    }
  } finally {
    await stack.stop();
  }
}

/** Busy (not idle) sampled time, and each phase's inclusive share of it; the top functions by self time. */
function summarize(profile, calls) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const nameOf = (node) => node.callFrame.functionName || "(anonymous)";
  let busy = 0;
  const inclusive = new Map();
  const selfByName = new Map();
  for (const [id, us] of self) {
    const name = nameOf(nodes.get(id));
    if (name === "(idle)" || name === "(program)") continue;
    busy += us;
    selfByName.set(name, (selfByName.get(name) ?? 0) + us);
    // Each name once per sample, however deep it recurses.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const ancestor = nameOf(nodes.get(at));
      if (!seen.has(ancestor)) inclusive.set(ancestor, (inclusive.get(ancestor) ?? 0) + us);
      seen.add(ancestor);
    }
  }
  const share = (us) => Math.round((1000 * us) / busy) / 10;
  return {
    // JavaScript (and the native work it calls) per call, idle and "(program)" left out; inflated by the
    // profiler's own cost, the less so the longer the interval (PROFILE_INTERVAL_US).
    busyMsPerCall: Math.round(busy / calls / 10) / 100,
    phases: Object.fromEntries(PHASES.map((name) => [name, share(inclusive.get(name) ?? 0)])),
    topSelf: [...selfByName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, us]) => [name, share(us)]),
  };
}

/** The inspector port `wrangler dev` serves for the stack whose proxy listens on `proxyPort`. */
function inspectorPort(proxyPort) {
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    } catch {
      continue;
    }
    if (
      command.includes("wrangler") &&
      command.includes(` dev `) &&
      command.includes(`--port ${proxyPort} `)
    ) {
      const match = command.match(/--inspector-port (\d+)/);
      if (match) return Number(match[1]);
    }
  }
  throw new Error("wrangler dev's inspector port not found");
}

/** A DevTools protocol session with the Worker (Node 20 needs --experimental-websocket for WebSocket). */
export async function connectInspector(port) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  // wrangler's inspector proxy takes connections from a local origin only.
  const socket = new WebSocket(target.webSocketDebuggerUrl, { headers: { origin: "http://127.0.0.1" } });
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve);
    socket.addEventListener("error", () => reject(new Error("could not connect to the Worker's inspector")));
  });
  let lastId = 0;
  const waiting = new Map();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data));
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  });
  return {
    send(method, params = {}) {
      const id = ++lastId;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close: () => socket.close(),
  };
}

// `node --experimental-websocket test/bench/proxy-call-profile.mjs` (after `pnpm run build`; Linux): not part of
// `pnpm bench`. PROFILE_KIND: "JSON base64" (default) or "multipart"; PROFILE_CALLS (default 30); PROFILE_OUT: a file;
// PROFILE_INTERVAL_US: the sampling interval (default 50 µs; 1000 for a per-call figure the profiler inflates less).
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await profileProxyCall({
    kind: process.env.PROFILE_KIND ?? "JSON base64",
    calls: Number(process.env.PROFILE_CALLS ?? 30),
    imageBytes: 600 * 1024,
    out: process.env.PROFILE_OUT,
    intervalUs: Number(process.env.PROFILE_INTERVAL_US ?? 50),
  });
  console.log(JSON.stringify(result, null, 1));
}
