import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createMerchantBizId } from "@liveness-kit/core/request";
import { startLocalStack } from "../load/local-stack.mjs";
import { MERCHANT_USER_ID, PROXY_LATENCY_VARS, portraitOfSize } from "./proxy-latency.mjs";

const CALLER_KEY = "dev-caller-key";
/** Sequential calls back to back must meet neither the caller's rate nor a region's QPS (default 20 per second). */
export const PROXY_CALL_VARS = {
  ...PROXY_LATENCY_VARS,
  REGION_QPS: JSON.stringify({
    "ap-southeast-1": 1000,
    "cn-hongkong": 1000,
    "ap-southeast-5": 1000,
    "ap-southeast-3": 1000,
  }),
};

/** Makers of a fresh request body (a new `merchantBizId` each) for the picture as JSON base64 and as multipart. */
export function proxyCallBodies(image) {
  const base64 = Buffer.from(image).toString("base64");
  return {
    "JSON base64": () => ({
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        merchantBizId: createMerchantBizId(),
        merchantUserId: MERCHANT_USER_ID,
        image: { base64 },
      }),
    }),
    multipart: () => {
      const form = new FormData();
      form.set("merchantBizId", createMerchantBizId());
      form.set("merchantUserId", MERCHANT_USER_ID);
      form.set("image", new Blob([image], { type: "image/jpeg" }), "selfie.jpg");
      return { headers: {}, body: form };
    },
  };
}

/** The local stack (wrangler dev + emulator, free ports) with limits that sequential calls never meet. */
export async function startProxyCallStack(name) {
  const stack = await startLocalStack({ name, proxyVars: PROXY_CALL_VARS });
  await fetch(`${stack.emulator}/__emulator/throttling`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ qps: false }),
  });
  return stack;
}

/** One `POST /v1/face-liveness` with a body from `make`; throws unless the proxy answers 200. */
export async function callProxy(stack, make) {
  const { headers, body } = make();
  const response = await fetch(`${stack.proxy}/v1/face-liveness`, {
    method: "POST",
    headers: { authorization: `Bearer ${CALLER_KEY}`, ...headers },
    body,
  });
  const answer = await response.json();
  if (response.status !== 200) throw new Error(`the proxy answered ${response.status} ${answer.code}`);
}

/**
 * CPU of the whole proxy call in workerd: `POST /v1/face-liveness` through the real proxy under `wrangler dev`
 * (routing, middleware, body parse, image checks, the Durable Object calls, build, sign, the fetch to the
 * emulator, the answer and its receipt), for a JPEG of about `imageBytes` sent as JSON base64 and as multipart.
 *
 * workerd's clock cannot time a request from inside, so the figure comes from outside: the CPU time (user +
 * system, every thread) of the workerd processes from /proc/<pid>/stat before and after `calls` sequential
 * calls, less what the same processes burn idle over the same wall time, divided by `calls`. Two processes are
 * read apart: the runtime that runs the Worker and its Durable Objects (locally one process; in production each
 * Durable Object runs and bills apart), and wrangler dev's entry layer in front of it (not there in production).
 * The picture is the same on every call (a fresh `merchantBizId` each, so every call is a new billed call):
 * the emulator then answers from its cache of scores and the run stays short.
 * @param {{ imageBytes: number; calls: number; warmUp: number }} options
 */
export async function measureProxyCallCpu({ imageBytes, calls, warmUp }) {
  const image = await portraitOfSize(imageBytes);
  const bodies = proxyCallBodies(image);
  const stack = await startProxyCallStack("bench-call-cpu");
  try {
    const processes = workerdProcesses(stack.pid, new URL(stack.proxy).port);
    const call = (make) => callProxy(stack, make);
    for (const make of Object.values(bodies)) for (let index = 0; index < warmUp; index++) await call(make);

    // What the processes burn with nothing to do (timers, the inspector), per second of wall time.
    const idle = await cpuOver(processes, () => new Promise((resolve) => setTimeout(resolve, 2000)));
    const results = [];
    for (const [name, make] of Object.entries(bodies)) {
      const busy = await cpuOver(processes, async () => {
        for (let index = 0; index < calls; index++) await call(make);
      });
      const perCall = (key) =>
        Math.max(0, busy.ms[key] - ((idle.ms[key] ?? 0) * busy.wallMs) / idle.wallMs) / calls;
      results.push({
        name,
        runtimeMs: perCall("runtime"),
        // Of which in the kernel (sockets, memory): the rest is the runtime's own work, V8 and native.
        runtimeSystemMs: perCall("runtimeSystem"),
        entryMs: perCall("entry"),
        // The runtime's busiest thread: the one that runs the Worker's JavaScript (and, locally, its objects').
        busiestThreadMs: Math.max(
          ...Object.keys(busy.ms)
            .filter((key) => key.startsWith("thread:"))
            .map((key) => perCall(key)),
        ),
        wallMs: busy.wallMs / calls,
      });
    }
    return {
      imageBytes: image.length,
      calls,
      clockTickMs: 1000 / clockTicksPerSecond(),
      idleMsPerSecond: {
        runtime: (idle.ms.runtime * 1000) / idle.wallMs,
        entry: (idle.ms.entry * 1000) / idle.wallMs,
      },
      results,
    };
  } finally {
    await stack.stop();
  }
}

/** CPU milliseconds each process group used while `work` ran, and the wall time it took. */
export async function cpuOver(processes, work) {
  const before = cpuMs(processes);
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const after = cpuMs(processes);
  return {
    wallMs,
    ms: Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - (before[key] ?? 0)])),
  };
}

/** user + system CPU of each kind of process, in ms (every thread: /proc/<pid>/stat fields 14 and 15). */
function cpuMs(processes) {
  const tick = 1000 / clockTicksPerSecond();
  // fields[11] is utime, fields[12] stime (counted from the state, field 3).
  const sum = (pids, which) =>
    pids.reduce((total, pid) => {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return total + which.reduce((ms, index) => ms + Number(fields[index]) * tick, 0);
    }, 0);
  return {
    runtime: sum(processes.runtime, [11, 12]),
    runtimeSystem: sum(processes.runtime, [12]),
    entry: sum(processes.entry, [11, 12]),
    ...threadMs(processes.runtime, tick),
  };
}

/** user + system CPU of each thread of the runtime process, keyed `thread:<tid>:<name>`. */
function threadMs(pids, tick) {
  const out = {};
  for (const pid of pids) {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const name = stat.match(/^\d+ \((.*)\)/)?.[1] ?? "?";
        const fields = stat.split(") ")[1].split(" ");
        out[`thread:${tid}:${name}`] = (Number(fields[11]) + Number(fields[12])) * tick;
      } catch {
        // a thread that ended meanwhile
      }
    }
  }
  return out;
}

let ticks;
function clockTicksPerSecond() {
  ticks ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return ticks;
}

/**
 * The workerd processes under the stack: the one listening on the proxy's port is wrangler dev's entry layer;
 * the other runs the Worker and its Durable Objects.
 */
export function workerdProcesses(stackPid, proxyPort) {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const [, comm, ppid] = stat.match(/^\d+ \((.*)\) \S+ (\d+)/) ?? [];
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
        return [{ pid, comm, ppid, cmdline }];
      } catch {
        return []; // gone meanwhile, or not ours to read
      }
    });
  const tree = new Set([String(stackPid)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const process of all) {
      if (tree.has(process.ppid) && !tree.has(process.pid)) {
        tree.add(process.pid);
        grew = true;
      }
    }
  }
  const workerd = all.filter((process) => tree.has(process.pid) && process.comm === "workerd");
  const isEntry = (process) => process.cmdline.includes(`--socket-addr=entry=127.0.0.1:${proxyPort} `);
  const entry = workerd.filter(isEntry).map((process) => process.pid);
  const runtime = workerd.filter((process) => !isEntry(process)).map((process) => process.pid);
  if (entry.length === 0 || runtime.length === 0)
    throw new Error(
      `expected wrangler's entry workerd and the Worker's workerd under the stack, found ${workerd.length}`,
    );
  return { runtime, entry };
}

// `node test/bench/proxy-call-cpu.mjs` (after `pnpm run build`; Linux, it reads /proc): only this part of `pnpm bench`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureProxyCallCpu({
    imageBytes: 600 * 1024,
    calls: Number(process.env.BENCH_CALL_CPU_CALLS ?? 60),
    warmUp: 5,
  });
  console.log(JSON.stringify(result, null, 1));
}
