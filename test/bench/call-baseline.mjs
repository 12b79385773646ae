import { createServer } from "node:http";
import { startBenchWorker } from "./bench-worker.mjs";
import { cpuOver, proxyCallBodies, workerdProcesses } from "./proxy-call-cpu.mjs";
import { portraitOfSize } from "./proxy-latency.mjs";

/**
 * The floor under the whole-call figure of proxy-call-cpu.mjs, measured the same way (the Worker's workerd,
 * /proc CPU less idle, per call): a Worker that only reads the same request (a JPEG of about `imageBytes` as
 * JSON base64) and sends a body of that size to an upstream (a sink in this process) under `wrangler dev`. What
 * it costs is workerd moving the bytes; the proxy's call less this is the proxy's own work.
 * @param {{ imageBytes: number; calls: number; warmUp: number }} options
 */
export async function measureCallBaselineCpu({ imageBytes, calls, warmUp }) {
  const make = proxyCallBodies(await portraitOfSize(imageBytes))["JSON base64"];
  const sink = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.end("{}"));
  });
  await new Promise((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const upstream = `http://127.0.0.1:${sink.address().port}/`;
  const worker = await startBenchWorker("call-baseline");
  const url = `${worker.origin}/?upstream=${encodeURIComponent(upstream)}`;
  const call = async () => {
    const { headers, body } = make();
    const response = await fetch(url, { method: "POST", headers, body });
    if (!response.ok) throw new Error(`the baseline Worker answered ${response.status}`);
    await response.arrayBuffer();
  };
  try {
    await waitFor(call);
    const processes = workerdProcesses(worker.pid, worker.port);
    for (let index = 0; index < warmUp; index++) await call();
    const idle = await cpuOver(processes, () => new Promise((resolve) => setTimeout(resolve, 2000)));
    const busy = await cpuOver(processes, async () => {
      for (let index = 0; index < calls; index++) await call();
    });
    const perCall = (key) =>
      Math.max(0, busy.ms[key] - ((idle.ms[key] ?? 0) * busy.wallMs) / idle.wallMs) / calls;
    return { imageBytes, calls, runtimeMs: perCall("runtime"), entryMs: perCall("entry") };
  } finally {
    worker.stop();
    sink.close();
  }
}

async function waitFor(call) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

// `node test/bench/call-baseline.mjs` (Linux, it reads /proc): only this part of `pnpm bench`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureCallBaselineCpu({
    imageBytes: 600 * 1024,
    calls: Number(process.env.BENCH_CALL_CPU_CALLS ?? 60),
    warmUp: 5,
  });
  console.log(JSON.stringify(result, null, 1));
}
