// A bench Worker (never deployed): the CPU of the proxy's own JavaScript for one call, inside workerd. It runs the
// proxy's real Hono app (routing, middleware, body reading, checks, build, sign, idempotency, receipt, the log line)
// in a loop within one request, with what is not the Worker's CPU in production stubbed in the isolate:
// - the Durable Objects answer at once as a fresh object would (admitted, run, pass, kept); their arguments and
//   answers are structured-cloned, as RPC serialises them on the Worker's side;
// - the upstream `fetch` answers a FaceLivenessV2 success at once (the request body is not read: the runtime
//   sends it natively).
// The proxy's variables are its local ones (packages/edge-proxy/dev.vars, given with --env-file), the caller
// `dev-caller-key`. POST the body the proxy would get (JSON or multipart, with its content type) to
// /?runs=N&warm=W: W calls to warm up, then N calls, answered with the mean wall ms per call in the isolate
// (workerd's clock moves only between events, so the loop is closed by a zero-delay timer, as in workerd-cpu/).
// `path=healthz` calls `GET /healthz` instead (routing and middleware alone); `path=request` only makes the POST's
// Request, which the bench adds to every call. The CPU is read from outside.
import { app } from "../../../packages/edge-proxy/src/app.ts";
import { timed } from "../isolate-timing.js";
import { stubbedDurableObjects } from "./stub-objects.js";
import { stubbedUpstream } from "./stub-upstream.js";

const CALLER_KEY = "dev-caller-key";

/** A context whose `waitUntil` work is awaited before the call counts as done. */
function benchContext() {
  const pending = [];
  return {
    ctx: { waitUntil: (promise) => pending.push(promise), passThroughOnException() {}, props: {} },
    settled: () => Promise.all(pending.splice(0)),
  };
}

export default {
  async fetch(request, workerEnv) {
    const url = new URL(request.url);
    const runs = Number(url.searchParams.get("runs") ?? 50);
    const warmUp = Number(url.searchParams.get("warm") ?? 10);
    const contentType = request.headers.get("content-type") ?? "";
    const body = new Uint8Array(await request.arrayBuffer());
    const upstream = stubbedUpstream();
    const env = { ...workerEnv, ...stubbedDurableObjects() };

    const call = async (path, init) => {
      const { ctx, settled } = benchContext();
      const response = await app.fetch(new Request(`https://proxy.bench${path}`, init), env, ctx);
      const text = await response.text();
      await settled();
      if (response.status !== 200) throw new Error(`the proxy answered ${response.status}: ${text}`);
      return text;
    };
    // As a client sends it: with its length declared (the proxy sizes its read buffer by it).
    const headers = {
      authorization: `Bearer ${CALLER_KEY}`,
      "content-type": contentType,
      "content-length": String(body.byteLength),
    };
    const post = { method: "POST", headers, body };
    const steps = {
      post: () => call("/v1/face-liveness", post),
      healthz: () => call("/healthz", { method: "GET" }),
      // What the bench itself adds to a call: making the Request (a deployed Worker gets it from the runtime).
      request: async () => {
        new Request("https://proxy.bench/v1/face-liveness", post);
      },
    };
    const step = steps[url.searchParams.get("path") ?? "post"] ?? steps.post;

    let last;
    for (let run = 0; run < warmUp; run++) last = await step();
    const answer = last === undefined ? undefined : JSON.parse(last);
    const ms = await timed(runs, step);
    return Response.json({
      runs,
      bodyBytes: body.byteLength,
      wallMsPerCall: ms,
      upstreamCalls: upstream.calls(),
      // What the last warm-up call answered (a health check answers no receipt).
      ...(answer === undefined ? {} : { passed: answer.passed, receipt: typeof answer.receipt === "string" }),
    });
  },
};
