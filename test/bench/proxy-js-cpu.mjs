import { startBenchWorker } from "./bench-worker.mjs";
import { cpuOver, proxyCallBodies, workerdProcesses } from "./proxy-call-cpu.mjs";
import { portraitOfSize } from "./proxy-latency.mjs";

/**
 * The CPU of the proxy's own JavaScript per call, in workerd: its real app, run `runs` times in a loop within one
 * request of a bench Worker (test/bench/proxy-js-cpu/), with the Durable Objects and the upstream stubbed in the
 * isolate, so that neither workerd's HTTP nor an object's work is in the figure. A JPEG of about `imageBytes`
 * as JSON base64 and as multipart, and a `GET /healthz` (routing and middleware alone). CPU is read from
 * outside, as in proxy-call-cpu.mjs (/proc, the Worker's workerd): a request of `runs` calls less a request of
 * none, divided by `runs`; `wallMs` is the mean in the isolate. Each figure is the least of `rounds`.
 * `image` replaces the JPEG (the smallest portrait the API takes shows the part of a call that does not grow
 * with the picture).
 * @param {{ imageBytes: number; runs: number; rounds?: number; image?: Uint8Array }} options
 */
export async function measureProxyJsCpu({ imageBytes, runs, rounds = 3, image }) {
  const picture = image ?? (await portraitOfSize(imageBytes));
  const bodies = proxyCallBodies(picture);
  const jsonRequest = toRequest(bodies["JSON base64"]());
  const kinds = {
    ...Object.fromEntries(
      Object.entries(bodies).map(([kind, make]) => [kind, { path: "post", request: toRequest(make()) }]),
    ),
    "GET /healthz": { path: "healthz", request: toRequest({ body: "" }) },
    // The bench's own share of a call: making the JSON POST's Request (the larger body).
    "making the Request (the bench's own)": { path: "request", request: jsonRequest },
  };
  const worker = await startBenchWorker("proxy-js-cpu", { envFile: "packages/edge-proxy/dev.vars" });
  try {
    for (const { path, request } of Object.values(kinds)) {
      const warm = await callWorker(worker.origin, { path, runs: 0, warm: 20 }, request);
      if (path === "post" && (warm.passed !== true || warm.receipt !== true))
        throw new Error(`the proxy did not answer a passed call with a receipt: ${JSON.stringify(warm)}`);
    }
    const processes = workerdProcesses(worker.pid, worker.port);
    const results = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, undefined]));
    for (let round = 0; round < rounds; round++) {
      for (const [kind, { path, request }] of Object.entries(kinds)) {
        const none = await cpuOver(processes, () => callWorker(worker.origin, { path, runs: 0 }, request));
        let answer;
        const many = await cpuOver(processes, async () => {
          answer = await callWorker(worker.origin, { path, runs }, request);
        });
        const perCall = (key) => Math.max(0, many.ms[key] - none.ms[key]) / runs;
        const figure = {
          cpuMs: perCall("runtime"),
          busiestThreadMs: Math.max(
            ...Object.keys(many.ms)
              .filter((key) => key.startsWith("thread:"))
              .map(perCall),
          ),
          wallMs: answer.wallMsPerCall,
        };
        // The least of the rounds: the figure with the least of the machine's other load in it.
        if (results[kind] === undefined || figure.cpuMs < results[kind].cpuMs) results[kind] = figure;
      }
    }
    return { imageBytes: picture.length, runs, rounds, results };
  } finally {
    worker.stop();
  }
}

function toRequest({ headers, body }) {
  return new Request("http://bench/", { method: "POST", headers, body });
}

/** POSTs the request's body to the bench Worker, retrying while `wrangler dev` starts. */
export async function callWorker(origin, { path, runs, warm = 0 }, request) {
  const body = await request.clone().arrayBuffer();
  const headers = { "content-type": request.headers.get("content-type") ?? "text/plain" };
  const url = `${origin}/?path=${path}&runs=${runs}&warm=${warm}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    let response;
    try {
      response = await fetch(url, { method: "POST", headers, body });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    if (!response.ok)
      throw new Error(`the bench Worker answered ${response.status}: ${await response.text()}`);
    return response.json();
  }
}

// `node test/bench/proxy-js-cpu.mjs` (after `pnpm run build`; Linux, it reads /proc): only this part of
// `pnpm bench`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureProxyJsCpu({
    imageBytes: 600 * 1024,
    runs: Number(process.env.BENCH_CPU_RUNS ?? 200),
    rounds: Number(process.env.BENCH_CPU_ROUNDS ?? 3),
  });
  console.log(JSON.stringify(result, null, 1));
}
