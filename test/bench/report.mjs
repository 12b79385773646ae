#!/usr/bin/env node
// The performance report (`pnpm bench` at the root, after the build): every figure measured in one run
// on this machine, printed as one Markdown table (the one docs/benchmarks.md holds), with the machine.
//
// - signing: core's own benchmark (packages/core/bench/sign.bench.mjs): a FaceLivenessV2 request with a
//   600 KB image against one SHA-256 of the same body, and the official signer (@alicloud/openapi-core);
// - receipts: core's receipt benchmark (packages/core/bench/receipt.bench.mjs): signing one as the proxy does,
//   verifying one with a cached key;
// - size: core's own size script (packages/core/bench/size.mjs) next to aws4fetch, bundled the same way;
// - proxy: a 600 KB-image call through `wrangler dev` against the same call straight to the emulator;
// - playground: a 12 MP portrait compressed in headless Chromium, and the first-load JavaScript;
// - capture: <liveness-capture>'s code before the camera starts, the detector's bytes, and its live guidance in
//   headless Chromium with a fake camera (time from permission to the first guidance, updates per second).
//
// - workerd CPU: the proxy's per-call core work for a 600 KB JPEG (JSON base64, multipart) inside workerd, and
//   the same code in this Node;
// - whole-call CPU: the workerd processes' CPU time (/proc) over sequential 600 KB calls through the real proxy
//   under `wrangler dev` (routing, middleware, Durable Objects, build, sign, fetch, answer), less idle, per call;
// - the proxy's JavaScript CPU: its real app run in a loop inside one request of a bench Worker, the Durable
//   Objects and the upstream stubbed in the isolate (what Workers bill as CPU time: not waiting, not the objects);
// - latency model: the proxy's added latency with every Durable Object call and the upstream delayed by a hop
//   (0, 20, 80 ms), as objects and Alibaba in another colo would be;
//
// Environment: BENCH_PROXY_ROUNDS (default 100), BENCH_LATENCY_ROUNDS (default 20), BENCH_CALL_CPU_CALLS (default 40),
// BENCH_CPU_RUNS and BENCH_CPU_ROUNDS (the proxy's JavaScript CPU: default 200 and 5), BENCH_COMPRESS_RUNS (default 3).
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";
import { startLocalStack } from "../load/local-stack.mjs";
import { aws4fetchSize } from "./aws4fetch-size.mjs";
import { measureCallBaselineCpu } from "./call-baseline.mjs";
import { captureElementSize, detectorBytes, measureCaptureGuidance } from "./capture.mjs";
import { firstLoadJsSize } from "./first-load-size.mjs";
import { measurePlaygroundCompression } from "./playground-compression.mjs";
import { measureProxyCallCpu } from "./proxy-call-cpu.mjs";
import { measureProxyCpu } from "./proxy-cpu.mjs";
import { measureProxyJsCpu } from "./proxy-js-cpu.mjs";
import { measureProxyLatency, PROXY_LATENCY_VARS } from "./proxy-latency.mjs";
import { addedLatencyMs, measureLatencyModel, ROUND_TRIPS } from "./proxy-latency-model.mjs";
import { parseReceiptBench, parseSignBench, parseSizeBench, runCoreBench } from "./run-core-bench.mjs";
import { measureWorkerdCpu } from "./workerd-cpu.mjs";
import { measureWorstInputs } from "./worst-input.mjs";

const PROXY_ROUNDS = Number(process.env.BENCH_PROXY_ROUNDS ?? 100);
const COMPRESS_RUNS = Number(process.env.BENCH_COMPRESS_RUNS ?? 3);
const LATENCY_ROUNDS = Number(process.env.BENCH_LATENCY_ROUNDS ?? 20);

const started = new Date();
const loadBefore = loadavg()[0];
const rows = [];
const failures = [];

/** Runs one part of the report; a part that fails leaves "n/a" rows and fails the run, not the others. */
async function part(name, measure) {
  process.stderr.write(`bench: ${name} ...\n`);
  try {
    await measure();
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    rows.push([name, "n/a (failed)", "", "", ""]);
  }
}

const ms = (value) => `${value.toFixed(value < 10 ? 3 : 0)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const bytes = (value) => `${value.toLocaleString("en-US")} B`;
const goal = (met, text) => `${text}: ${met ? "met" : "**missed**"}`;

await part("signing", async () => {
  const { stdout } = await runCoreBench("sign.bench.mjs");
  const cases = parseSignBench(stdout);
  const find = (pattern) => [...cases].find(([name]) => pattern.test(name))?.[1];
  const floor = find(/^floor/);
  const prepared = find(/^signRequest, prepared form body \(string\)/) ?? find(/^signRequest, prepared/);
  const built = find(/^buildFaceLivenessRequest \+ signRequest/);
  const official = find(/^official signer, prepared/);
  const officialBuilt = find(/^official signer \+/);
  if (!floor || !prepared) throw new Error("sign.bench.mjs printed no floor or signRequest row");
  const floorText = `SHA-256 of the body (floor) ${ms(floor.ms)}`;
  const version = officialVersion();
  rows.push([
    "Sign, 600 KB image: signRequest on the prepared form body",
    ms(prepared.ms),
    floorText,
    ratio(prepared.ms, floor.ms),
    goal(prepared.ms / floor.ms <= 2, "<= 2x floor"),
  ]);
  if (built) {
    rows.push([
      "Sign, 600 KB image: build the request + signRequest, from base64",
      ms(built.ms),
      floorText,
      ratio(built.ms, floor.ms),
      goal(built.ms / floor.ms <= 2, "<= 2x floor"),
    ]);
  }
  if (official) {
    rows.push([
      `Sign, 600 KB image: official signer (@alicloud/openapi-core ${version}), prepared body`,
      ms(official.ms),
      floorText,
      ratio(official.ms, floor.ms),
      "",
    ]);
  }
  if (officialBuilt) {
    rows.push([
      `Sign, 600 KB image: official toForm + signer, from base64`,
      ms(officialBuilt.ms),
      floorText,
      ratio(officialBuilt.ms, floor.ms),
      "",
    ]);
  }
  if (built && officialBuilt) {
    rows.push([
      "Sign, 600 KB image: core build + sign against the official toForm + sign",
      ms(built.ms),
      `official ${ms(officialBuilt.ms)}`,
      ratio(built.ms, officialBuilt.ms),
      "",
    ]);
  }
});

await part("receipts", async () => {
  const { stdout } = await runCoreBench("receipt.bench.mjs");
  const result = parseReceiptBench(stdout);
  const row = (name, figures, limit) => {
    const worst = Math.max(figures.cpuMs, figures.wallMs);
    rows.push([
      `${name} (CPU ${figures.cpuMs.toFixed(3)} ms, wall ${figures.wallMs.toFixed(3)} ms)`,
      ms(worst),
      "",
      "",
      goal(worst <= limit, `<= ${limit} ms CPU`),
    ]);
  };
  row(`Receipt: the proxy signs one (ES256, ${result.receiptChars}-character receipt)`, result.sign, 1);
  row("Receipt: core verifies one, key cached (verifyLivenessReceipt)", result.verify, 0.5);
});

await part("size", async () => {
  const { stdout } = await runCoreBench("size.mjs");
  const sizes = parseSizeBench(stdout);
  const find = (pattern) => [...sizes].find(([name]) => pattern.test(name))?.[1];
  const aws = await aws4fetchSize();
  const signer = find(/^the signer alone/);
  const client = find(/^the direct client/);
  const playground = find(/playground's imports/);
  const proxyApp = find(/an app on the proxy client$/);
  const proxyAppChecking = find(/an app on the proxy client \+ checkImage/);
  if (signer) {
    rows.push([
      "Size (min+gz): core's signer alone (signRequest)",
      bytes(signer.gzip),
      `aws4fetch AwsV4Signer ${bytes(aws.signer.gzip)}`,
      ratio(signer.gzip, aws.signer.gzip),
      goal(signer.gzip <= 2048, "<= 2 KB"),
    ]);
  }
  if (client) {
    rows.push([
      "Size (min+gz): core's direct client (build, sign, send, parse, retries)",
      bytes(client.gzip),
      `aws4fetch AwsClient ${bytes(aws.client.gzip)}`,
      ratio(client.gzip, aws.client.gzip),
      "",
    ]);
  }
  if (playground) {
    rows.push([
      "Size (min+gz): what the playground imports from core",
      bytes(playground.gzip),
      "",
      "",
      goal(playground.gzip <= 4096, "<= 4 KB"),
    ]);
  }
  if (proxyApp) {
    rows.push([
      "Size (min+gz): a browser app on core's proxy client (the proxy checks the image)",
      bytes(proxyApp.gzip),
      "",
      "",
      goal(proxyApp.gzip <= 4096, "<= 4 KB"),
    ]);
  }
  if (proxyAppChecking) {
    rows.push([
      "Size (min+gz): the same app checking the image in the browser first (+ checkImage)",
      bytes(proxyAppChecking.gzip),
      "",
      "",
      "",
    ]);
  }
  const receipt = find(/^receipt verification/);
  if (receipt) {
    rows.push([
      "Size (min+gz): @liveness-kit/core/receipt (verifyLivenessReceipt + createReceiptVerifier)",
      bytes(receipt.gzip),
      "",
      "",
      goal(receipt.gzip <= 2048, "<= 2 KB"),
    ]);
  }
  if (!signer && !client && !playground) throw new Error("size.mjs printed none of the expected rows");
});

await part("proxy", async () => {
  const stack = await startLocalStack({ name: "bench", proxyVars: PROXY_LATENCY_VARS });
  try {
    const result = await measureProxyLatency(stack, { rounds: PROXY_ROUNDS, warmUp: 5 });
    const label = `${bytes(result.imageBytes)} JPEG, ${result.rounds} calls each`;
    rows.push([
      `Proxy p50 (wrangler dev), ${label}`,
      ms(result.proxy.p50),
      `direct to the emulator ${ms(result.direct.p50)}`,
      ratio(result.proxy.p50, result.direct.p50),
      goal(result.proxy.p50 / result.direct.p50 <= 1.2, "<= 1.2x"),
    ]);
    rows.push([
      `Proxy p99 (wrangler dev), ${label}`,
      ms(result.proxy.p99),
      `direct to the emulator ${ms(result.direct.p99)}`,
      ratio(result.proxy.p99, result.direct.p99),
      "",
    ]);
    rows.push([
      "Proxy: its own work per call, p50 (Server-Timing total - fetch)",
      ms(result.proxyOwnWork.p50),
      "",
      "",
      "",
    ]);
  } finally {
    await stack.stop();
  }
});

await part("latency model", async () => {
  const results = await measureLatencyModel({ rounds: LATENCY_ROUNDS, warmUp: 3 });
  const atZero = results.find((result) => result.delayMs === 0)?.added ?? 0;
  for (const result of results) {
    const before = addedLatencyMs(atZero, ROUND_TRIPS.before, result.delayMs);
    rows.push([
      `Proxy added latency, p50 of ${LATENCY_ROUNDS}, every Durable Object call and the upstream ${result.delayMs} ms away (proxy ${ms(result.proxy)}, direct ${ms(result.direct)})`,
      ms(result.added),
      `before issue 15 (${ROUND_TRIPS.before} round trips, modelled): ${ms(before)}`,
      "",
      "",
    ]);
  }
});

await part("proxy work", async () => {
  const result = await measureProxyCpu({ imageBytes: 600 * 1024, runs: 50 });
  const step = (value) => value.toFixed(2);
  rows.push([
    `Proxy: core's work for one call with a ${bytes(result.imageBytes)} JPEG, median of ${result.runs} (decode ${step(result.ms.decode)}, header check ${step(result.ms.headerCheck)}, data check ${step(result.ms.dataCheck)}, build ${step(result.ms.build)}, sign ${step(result.ms.sign)} ms)`,
    ms(result.ms.total),
    "Workers Free: 10 ms CPU a request",
    "",
    "",
  ]);
});

await part("workerd cpu", async () => {
  const result = await measureWorkerdCpu({ imageBytes: 600 * 1024, runs: 50 });
  const step = (value) => value.toFixed(2);
  for (const { name, workerd, node } of result.results) {
    const parts = (run) =>
      `read ${step(run.ms.read)}, decode ${step(run.ms.decode)}, checks ${step(run.ms.checks)}, build ${step(run.ms.build)} (the form body ${step(run.inside.body)}; toBase64 alone ${step(run.inside.toBase64)}), sign ${step(run.ms.sign)} ms; SHA-256 of the body ${step(run.sha256)} ms`;
    const buildAndSign = (run) => (run.ms.build + run.ms.sign) / run.sha256;
    rows.push([
      `Proxy core work per call in workerd (native base64: ${workerd.nativeBase64 ? "yes" : "no"}), ${bytes(result.imageBytes)} JPEG as ${name}, mean of ${result.runs} (${parts(workerd)}; build + sign ${ratio(buildAndSign(workerd), 1)} one SHA-256)`,
      ms(workerd.ms.total),
      `Node ${process.versions.node}: ${ms(node.ms.total)} (${parts(node)}; build + sign ${ratio(buildAndSign(node), 1)})`,
      "",
      goal(buildAndSign(workerd) <= 2, "build + sign <= 2x SHA-256"),
    ]);
  }
  const { workerd, node } = result.parts;
  const parts = (run) =>
    `toBase64 ${step(run.toBase64)}, the checking pass over the caller's text ${step(run.checkedPass)}, the body from bytes ${step(run.bodyFromBytes)}, build from text ${step(run.buildFromText)}, sign ${step(run.sign)}, SHA-256 ${step(run.sha256)} ms`;
  const ratioOf = (run) => (run.buildFromBytes + run.sign) / run.sha256;
  rows.push([
    `Proxy build (from the checked bytes: multipart) + sign in workerd, ${bytes(result.imageBytes)} JPEG, each step the least of 6 means of ${result.runs} (${parts(workerd)})`,
    ms(workerd.buildFromBytes + workerd.sign),
    `one SHA-256 of the body ${ms(workerd.sha256)}; Node ${process.versions.node}: ${ratio(ratioOf(node), 1)} (${parts(node)})`,
    ratio(ratioOf(workerd), 1),
    goal(ratioOf(workerd) <= 2, "<= 2x SHA-256"),
  ]);
  const textRatioOf = (run) => (run.buildFromCheckedText + run.sign) / run.sha256;
  rows.push([
    `Proxy build (JSON: the caller's base64, checked in place by the strict decode, sent as it is) + sign in workerd, ${bytes(result.imageBytes)} JPEG, least of 6 means of ${result.runs} (build ${step(workerd.buildFromCheckedText)}, sign ${step(workerd.sign)}, SHA-256 ${step(workerd.sha256)} ms)`,
    ms(workerd.buildFromCheckedText + workerd.sign),
    `one SHA-256 of the body ${ms(workerd.sha256)}; Node ${process.versions.node}: ${ratio(textRatioOf(node), 1)} (build ${step(node.buildFromCheckedText)} ms)`,
    ratio(textRatioOf(workerd), 1),
    goal(textRatioOf(workerd) <= 2, "<= 2x SHA-256"),
  ]);
});

await part("whole-call cpu", async () => {
  const calls = Number(process.env.BENCH_CALL_CPU_CALLS ?? 40);
  const result = await measureProxyCallCpu({ imageBytes: 600 * 1024, calls, warmUp: 5 });
  const floor = await measureCallBaselineCpu({ imageBytes: 600 * 1024, calls, warmUp: 5 });
  for (const { name, runtimeMs, runtimeSystemMs, entryMs, busiestThreadMs, wallMs } of result.results) {
    rows.push([
      `Proxy CPU per whole call in workerd (wrangler dev: routing, middleware, Durable Objects, body, checks, build, sign, fetch, answer), ${bytes(result.imageBytes)} JPEG as ${name}, ${calls} calls, /proc CPU less idle (clock tick ${result.clockTickMs} ms; ${ms(runtimeSystemMs)} of it in the kernel; wall ${wallMs.toFixed(1)} ms a call)`,
      ms(runtimeMs),
      `the thread that runs the JavaScript: ${ms(busiestThreadMs)}; the floor (a Worker that only moves the same bytes in and out, test/bench/call-baseline.mjs): ${ms(floor.runtimeMs)}, so the proxy's own work ${ms(runtimeMs - floor.runtimeMs)}; wrangler dev's entry layer (not in production): ${ms(entryMs)}`,
      "",
      "",
    ]);
  }
});

await part("proxy js cpu", async () => {
  const runs = Number(process.env.BENCH_CPU_RUNS ?? 200);
  const rounds = Number(process.env.BENCH_CPU_ROUNDS ?? 5);
  const result = await measureProxyJsCpu({ imageBytes: 600 * 1024, runs, rounds });
  const { portraitJpeg } = await import("@liveness-kit/emulator/portraits");
  const smallest = await measureProxyJsCpu({
    image: portraitJpeg({ width: 480, height: 640, quality: 30 }),
    runs: runs * 2,
    rounds,
  });
  const { "making the Request (the bench's own)": benchOwn, ...figures } = result.results;
  for (const [name, figure] of Object.entries(figures)) {
    const small = smallest.results[name];
    const isCall = name !== "GET /healthz";
    rows.push([
      isCall
        ? `Proxy JavaScript CPU per call in workerd (its app in a loop, Durable Objects and upstream stubbed in the isolate), ${bytes(result.imageBytes)} JPEG as ${name}, least of ${rounds} rounds of ${runs} calls, /proc CPU`
        : `Proxy JavaScript CPU per call in workerd, ${name} (routing and middleware alone), least of ${rounds} rounds of ${runs} calls`,
      ms(figure.cpuMs),
      `the thread that runs it: ${ms(figure.busiestThreadMs)}; wall in the isolate ${ms(figure.wallMs)}${isCall ? `; the smallest portrait the API takes (480x640, ${bytes(smallest.imageBytes)}): ${ms(small.cpuMs)}; of each call, the bench's own making of the Request: ${ms(benchOwn.cpuMs)}` : ""}`,
      "",
      isCall ? goal(figure.cpuMs <= 3, "<= 3 ms") : "",
    ]);
  }
});

await part("worst input", async () => {
  const results = await measureWorstInputs({ runs: 15 });
  const worst = results.reduce((a, b) => (b.ms > a.ms ? b : a));
  const others = results.map((row) => `${row.name}: ${row.ms.toFixed(1)}`).join("; ");
  rows.push([
    `Proxy: the costliest accepted input found, checked before any call (${worst.name}, ${bytes(worst.bytes)}); medians of 15, every candidate in ms: ${others}`,
    ms(worst.ms),
    "",
    "",
    goal(worst.ms <= 30, "<= 30 ms"),
  ]);
});

await part("playground", async () => {
  const result = await measurePlaygroundCompression({ runs: COMPRESS_RUNS });
  const median = [...result.ms].sort((a, b) => a - b)[result.ms.length >> 1];
  const largest = Math.max(...result.bytes);
  rows.push([
    `Playground: compress a 12 MP (3000x4000) JPEG in Chromium, median of ${result.ms.length} (${result.ms.join(", ")} ms)`,
    ms(median),
    `source ${bytes(result.sourceBytes)}`,
    "",
    goal(median <= 1000, "<= 1.0 s"),
  ]);
  rows.push([
    "Playground: the compressed upload (largest of the runs)",
    bytes(largest),
    "",
    "",
    goal(largest <= 600 * 1024, "<= 600 KB"),
  ]);
});

await part("first load", async () => {
  const first = firstLoadJsSize();
  rows.push([
    `Playground: first-load JavaScript, gzip -9 (${first.files.length} file${first.files.length === 1 ? "" : "s"}, ${bytes(first.bytes)} min)`,
    bytes(first.gzipBytes),
    "",
    "",
    goal(first.gzipBytes <= 120 * 1024, "<= 120 KB"),
  ]);
});

await part("capture", async () => {
  const size = await captureElementSize();
  rows.push([
    `Capture: <liveness-capture>'s code before the camera starts, min+gz (${bytes(size.bytes)} min; ${bytes(size.lazyGzipBytes)} gz more load at start)`,
    bytes(size.gzipBytes),
    "",
    "",
    goal(size.gzipBytes <= 15 * 1024, "<= 15 KB"),
  ]);
  const detector = detectorBytes();
  rows.push([
    `Capture: the detector, loaded lazily from the app's origin, gzip (${detector.files.map((f) => `${f.name} ${bytes(f.gzipBytes)}`).join(", ")})`,
    bytes(detector.gzipBytes),
    `${bytes(detector.bytes)} uncompressed`,
    "",
    "",
  ]);
  const guidance = await measureCaptureGuidance({ runs: 3, seconds: 10 });
  const sorted = [...guidance.firstGuidanceMs].sort((a, b) => a - b);
  rows.push([
    `Capture: camera permission to the first guidance, cold browser, median of ${sorted.length} (${guidance.firstGuidanceMs.join(", ")} ms; ${guidance.detector})`,
    ms(sorted[sorted.length >> 1]),
    "",
    "",
    "",
  ]);
  rows.push([
    "Capture: guidance updates per second (detection, landmarks and pixel checks of a 360x480 view)",
    `${guidance.updatesPerSecond.toFixed(1)} /s`,
    "",
    "",
    "",
  ]);
});

const cpu = cpus()[0]?.model ?? "unknown CPU";
const header = ["Measure", "Result", "Compared with", "Ratio", "Goal"];
const line = (cells) => `| ${cells.join(" | ")} |`;
console.log(
  [
    `Machine: ${availableParallelism()} cores (nproc), ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${release()}, Node ${process.versions.node}`,
    `Date: ${started.toISOString().slice(0, 16).replace("T", " ")} UTC; load average (1 min) ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`,
    "",
    line(header),
    line(header.map(() => "---")),
    ...rows.map(line),
  ].join("\n"),
);
if (failures.length > 0) {
  console.error(`\nbench: ${failures.length} part(s) failed:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}

function officialVersion() {
  try {
    const file = new URL(
      "../../packages/core/node_modules/@alicloud/openapi-core/package.json",
      import.meta.url,
    );
    return JSON.parse(readFileSync(file, "utf8")).version;
  } catch {
    return "";
  }
}
