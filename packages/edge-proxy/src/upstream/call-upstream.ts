import { retryDelayMs } from "@liveness-kit/core/client";
import type { ImageFormat } from "@liveness-kit/core/image";
import type { FaceLivenessRequest } from "@liveness-kit/core/request";
import type { FaceLivenessResult } from "@liveness-kit/core/response";
import { sha256Hex } from "@liveness-kit/core/sign";
import type { RegionId } from "@liveness-kit/core/spec";
import { ProxyError } from "../answers/proxy-error.js";
import type { ProxyConfig } from "../config/proxy-config.js";
import { regionGate } from "../durable-objects/object-stubs.js";
import type { ProxyEnv } from "../env.js";
import { gateRequest, type RegionPass } from "../limits/region-pass.js";
import type { ServerTiming } from "../observability/server-timing.js";
import { sendFaceLiveness } from "./send-face-liveness.js";
import { uploadFacePicture } from "./upload-face-picture.js";
import { classifyUpstreamFailure, type UpstreamFailure } from "./upstream-failure.js";

/** What to send: a built request (base64 or URL mode), or a picture to upload first (file-stream mode). */
export type UpstreamCall =
  | { kind: "ready"; request: FaceLivenessRequest }
  | {
      kind: "upload";
      picture: { bytes: Uint8Array; format: ImageFormat };
      build: (facePictureFile: string) => FaceLivenessRequest;
    };

/** What happened on the way, for the log line. */
export interface UpstreamReport {
  regionsTried: RegionId[];
  attempts: number;
  upstreamCode?: string;
  upstreamRequestId?: string;
}

/**
 * The result of `callUpstream`: a billed result from `region`, or the error to answer with; `mayBeBilled`
 * when the last call was sent and never answered, so Alibaba may have billed it.
 */
export type UpstreamOutcome = (
  | { ok: true; result: FaceLivenessResult; region: RegionId }
  | { ok: false; error: ProxyError; mayBeBilled?: boolean }
) & { report: UpstreamReport };

/**
 * Calls FaceLivenessV2 through the regions in order, within the time budget. Per region: its circuit
 * must admit the call and its QPS bucket must have a token for every try; tries are retried with core's
 * full-jitter delay (honouring `x-acs-retry-after`) on connection failures, 5xx and throttling, each
 * with a fresh signature and nonce and the same `MerchantBizId`. The next region is tried when the
 * region looks down (core's fail-over rule), its circuit is open, or its bucket is empty; any other
 * failure (a business error, throttling that outlived the retries) is the answer. A FaceLivenessV2 call
 * that timed out is the answer at once, never sent again: Alibaba may still bill it. The whole call ends
 * by the budget: every step waits at most what is left of it, and FaceLivenessV2 is not sent with less
 * than a second (or the per-call timeout) left.
 */
export async function callUpstream(
  call: UpstreamCall,
  regions: readonly RegionId[],
  config: ProxyConfig,
  env: ProxyEnv,
  timing: ServerTiming,
  callerTag: string,
  firstPass?: RegionPass,
): Promise<UpstreamOutcome> {
  const deadline = Date.now() + config.budgetMs;
  // Every step (AuthorizeFileUpload, the OSS upload, FaceLivenessV2) waits at most what is left of the
  // budget, so a whole attempt, retries included, ends by the deadline.
  const stepTimeoutMs = () => Math.max(1, Math.min(config.timeoutMs, deadline - Date.now()));
  const report: UpstreamReport = { regionsTried: [], attempts: 0 };
  let last: UpstreamFailure | undefined;
  let rateLimitedMs: number | undefined;
  let circuitOpenMs: number | undefined;

  for (const region of regions) {
    if (Date.now() >= deadline) break;
    const gate = regionGate(env, region);
    const pass = gateRequest(config, region, callerTag);
    const origin = pass.origin;
    // One round trip: the circuit must admit the call, then a token is taken (a refused region spends
    // nothing of its QPS). The first region's pass was asked for beside the idempotency decision.
    const admission = await timing.measure("gate", () =>
      firstPass?.region === region ? firstPass.decision : gate.pass(pass),
    );
    if (!admission.allowed && admission.refusedBy === "circuit") {
      circuitOpenMs = Math.min(circuitOpenMs ?? Number.POSITIVE_INFINITY, admission.retryAfterMs);
      continue;
    }
    report.regionsTried.push(region);
    let facePictureFile: string | undefined;
    for (let attempt = 0; ; attempt++) {
      const token = attempt === 0 ? admission : await gate.take(pass.bucket, callerTag);
      if (!token.allowed) {
        rateLimitedMs = Math.min(rateLimitedMs ?? Number.POSITIVE_INFINITY, token.retryAfterMs);
        // A probe that never went gives the trial back at once (the gate did so for the first token).
        if (attempt > 0 && !admission.clean) await gate.record(origin, config.circuit, "unknown", callerTag);
        break;
      }
      report.attempts++;
      // Only a failure of FaceLivenessV2 itself may be billed; the picture upload before it never is.
      let billable = false;
      try {
        let request: FaceLivenessRequest;
        if (call.kind === "upload") {
          facePictureFile ??= (
            await uploadFacePicture(call.picture, region, config, config.credentials, stepTimeoutMs(), timing)
          ).facePictureFile;
          request = call.build(facePictureFile);
        } else {
          request = call.request;
        }
        // A billed call is sent only with time left for its answer: one sent at the deadline would time out
        // with its outcome unknown, and the run must end within its idempotency lease.
        if (deadline - Date.now() < Math.min(config.timeoutMs, MIN_BILLABLE_WINDOW_MS)) {
          // A probe that never went gives the trial back at once.
          if (!admission.clean) await gate.record(origin, config.circuit, "unknown", callerTag);
          return { ok: false, error: outOfTime(), report };
        }
        billable = true;
        const result = await sendFaceLiveness(origin, request, config.credentials, stepTimeoutMs(), timing);
        if (!admission.clean) await gate.record(origin, config.circuit, "answered", callerTag);
        return { ok: true, result, region, report };
      } catch (error) {
        const failure = classifyUpstreamFailure(error, billable);
        last = failure;
        if (failure.upstreamCode !== undefined) report.upstreamCode = failure.upstreamCode;
        if (failure.upstreamRequestId !== undefined) report.upstreamRequestId = failure.upstreamRequestId;
        if (failure.verdict === "failed" || !admission.clean)
          await gate.record(origin, config.circuit, failure.verdict, callerTag);
        if (!failure.retryable)
          return { ok: false, error: failure.error, mayBeBilled: failure.mayBeBilled, report };
        const delay =
          attempt < config.retries
            ? retryDelayMs(
                { retries: config.retries, baseDelayMs: config.retryBaseMs, maxDelayMs: config.retryMaxMs },
                attempt,
                error,
              )
            : undefined;
        if (delay === undefined || Date.now() + delay >= deadline) {
          if (failure.regionFailure) break;
          return { ok: false, error: failure.error, report };
        }
        await sleep(delay);
      }
    }
  }
  return { ok: false, error: exhausted(last, rateLimitedMs, circuitOpenMs), report };
}

/** The least time left of the budget to send FaceLivenessV2 (the per-call timeout, if shorter). */
const MIN_BILLABLE_WINDOW_MS = 1_000;

function outOfTime(): ProxyError {
  return new ProxyError(
    503,
    "upstream_unavailable",
    "Alibaba Cloud was too slow: the time budget ran out before the liveness call could be sent. Nothing was billed.",
    { retryable: true, retryAfterMs: 1_000 },
  );
}

function exhausted(
  last: UpstreamFailure | undefined,
  rateLimitedMs: number | undefined,
  circuitOpenMs: number | undefined,
): ProxyError {
  if (last !== undefined) return last.error;
  if (rateLimitedMs !== undefined) {
    return new ProxyError(
      429,
      "region_rate_limited",
      "The proxy is at Alibaba's QPS limit for this account; retry shortly.",
      {
        retryable: true,
        retryAfterMs: rateLimitedMs,
      },
    );
  }
  if (circuitOpenMs !== undefined) {
    return new ProxyError(503, "upstream_circuit_open", "Every region is failing right now; retry later.", {
      retryable: true,
      retryAfterMs: circuitOpenMs,
    });
  }
  return new ProxyError(503, "upstream_unavailable", "No region could be tried within the time budget.", {
    retryable: true,
    retryAfterMs: 1_000,
  });
}

/** The first 16 hex characters of the SHA-256 of the caller's id: tells callers apart, names nobody. */
export async function circuitCallerTag(callerId: string): Promise<string> {
  return (await sha256Hex(callerId)).slice(0, 16);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
