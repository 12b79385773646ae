import { importTypeScriptModule } from "../load/import-typescript-module.mjs";
import { startBenchWorker } from "./bench-worker.mjs";
import { MERCHANT_USER_ID, portraitOfSize } from "./proxy-latency.mjs";

/**
 * CPU per call of the proxy's core work (read the body, decode, check, encode, build, sign) for a JPEG of about
 * `imageBytes`, sent as JSON base64 and as multipart, inside workerd (the bench Worker under `wrangler dev`)
 * and, with the very same code, in this Node. Each figure is a mean over `runs` repetitions in one request
 * (workerd's clock moves only between events). The checked bytes are encoded into the form body, as the proxy
 * does; "caller's text reused" sends the caller's base64 on instead (what the proxy did before), for comparison.
 * Routing, Durable Object calls and the fetch come on top (test/bench/proxy-call-cpu.mjs measures the whole call).
 * @param {{ imageBytes: number; runs: number }} options
 */
export async function measureWorkerdCpu({ imageBytes, runs }) {
  const image = await portraitOfSize(imageBytes);
  const cases = {
    json: () =>
      new Request(`http://bench/?runs=${runs}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          merchantUserId: MERCHANT_USER_ID,
          image: { base64: Buffer.from(image).toString("base64") },
        }),
      }),
    "json, caller's text reused (before)": () =>
      new Request(`http://bench/?runs=${runs}&reuse=1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          merchantUserId: MERCHANT_USER_ID,
          image: { base64: Buffer.from(image).toString("base64") },
        }),
      }),
    multipart: () => {
      const form = new FormData();
      form.set("merchantUserId", MERCHANT_USER_ID);
      form.set("image", new Blob([image], { type: "image/jpeg" }), "selfie.jpg");
      return new Request(`http://bench/?runs=${runs}`, { method: "POST", body: form });
    },
  };

  // The same Worker code in this Node (Node 20 cannot load the proxy's TypeScript it imports: esbuild compiles it).
  const { default: benchWorker } = await importTypeScriptModule(
    new URL("./workerd-cpu/worker.js", import.meta.url),
  );
  const worker = await startBenchWorker("workerd-cpu");
  const { origin } = worker;
  try {
    await waitForWorker(origin);
    const results = [];
    for (const [name, make] of Object.entries(cases)) {
      const request = make();
      const inWorkerd = await fetch(`${origin}${new URL(request.url).search}`, {
        method: "POST",
        headers: request.headers,
        body: await request.clone().arrayBuffer(),
      });
      if (!inWorkerd.ok)
        throw new Error(`the bench Worker answered ${inWorkerd.status}: ${await inWorkerd.text()}`);
      const inNode = await benchWorker.fetch(request);
      results.push({ name, workerd: await inWorkerd.json(), node: await inNode.json() });
    }
    // The form body's parts on their own, least of 6 rounds, in workerd and in this Node.
    const partsRequest = () =>
      new Request(`http://bench/?runs=${runs}&parts=1`, { method: "POST", body: image });
    const partsInWorkerd = await fetch(`${origin}/?runs=${runs}&parts=1`, { method: "POST", body: image });
    if (!partsInWorkerd.ok) throw new Error(`the bench Worker answered ${partsInWorkerd.status}`);
    const parts = {
      workerd: await partsInWorkerd.json(),
      node: await (await benchWorker.fetch(partsRequest())).json(),
    };
    return { imageBytes: image.length, runs, results, parts };
  } finally {
    worker.stop();
  }
}

async function waitForWorker(origin) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(origin, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error("the bench Worker did not start within 60 s");
}

// `node test/bench/workerd-cpu.mjs` (after `pnpm run build`): only this part of `pnpm bench`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureWorkerdCpu({
    imageBytes: 600 * 1024,
    runs: Number(process.env.BENCH_CPU_RUNS ?? 50),
  });
  console.log(JSON.stringify(result, null, 1));
}
