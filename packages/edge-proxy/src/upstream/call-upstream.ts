import { retryDelayMs } from "@liveness-kit/core/client";
import type { ImageFormat } from "@liveness-kit/core/image";
import type { FaceLivenessRequest } from "@liveness-kit/core/request";
import type { FaceLivenessResult } from "@liveness-kit/core/response";
import type { RegionId } from "@liveness-kit/core/spec";
import { ProxyError } from "../answers/proxy-error.js";
import type { ProxyConfig } from "../config/proxy-config.js";
import type { ProxyEnv } from "../env.js";
import { takeRegionToken } from "../limits/take-region-token.js";
import type { ServerTiming } from "../observability/server-timing.js";
import { sendFaceLiveness } from "./send-face-liveness.js";
import { uploadFacePicture } from "./upload-face-picture.js";
import { faceLivenessOrigin } from "./upstream-endpoint.js";
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
  callerId: string,
): Promise<UpstreamOutcome> {
  const deadline = Date.now() + config.budgetMs;
  // Every step (AuthorizeFileUpload, the OSS upload, FaceLivenessV2) waits at most what is left of the
  // budget, so a whole attempt, retries included, ends by the deadline.
  const stepTimeoutMs = () => Math.max(1, Math.min(config.timeoutMs, deadline - Date.now()));
  // The circuit remembers callers by a tag: a token's subject may be a user id, which is not stored.
  const callerTag = await circuitCallerTag(callerId);
  const report: UpstreamReport = { regionsTried: [], attempts: 0 };
  let last: UpstreamFailure | undefined;
  let rateLimitedMs: number | undefined;
  let circuitOpenMs: number | undefined;

  for (const region of regions) {
    if (Date.now() >= deadline) break;
    const origin = faceLivenessOrigin(config, region);
    const circuit = env.REGION_CIRCUITS.get(env.REGION_CIRCUITS.idFromName(`${region}|${origin}`));
    const admission = await timing.measure("gate", () => circuit.admit(config.circuit, callerTag));
    if (!admission.allowed) {
      circuitOpenMs = Math.min(circuitOpenMs ?? Number.POSITIVE_INFINITY, admission.retryAfterMs);
      continue;
    }
    // Taken only once the circuit admits the call: a refused region spends nothing of its QPS.
    const firstToken = await timing.measure("gate", () => takeRegionToken(env, config, region, callerId));
    report.regionsTried.push(region);
    let facePictureFile: string | undefined;
    for (let attempt = 0; ; attempt++) {
      const token = attempt === 0 ? firstToken : await takeRegionToken(env, config, region, callerId);
      if (!token.allowed) {
        rateLimitedMs = Math.min(rateLimitedMs ?? Number.POSITIVE_INFINITY, token.retryAfterMs);
        // A probe that never went gives the trial back at once.
        if (!admission.clean) await circuit.record(config.circuit, "unknown", callerTag);
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
          if (!admission.clean) await circuit.record(config.circuit, "unknown", callerTag);
          return { ok: false, error: outOfTime(), report };
        }
        billable = true;
        const result = await sendFaceLiveness(origin, request, config.credentials, stepTimeoutMs(), timing);
        if (!admission.clean) await circuit.record(config.circuit, "answered", callerTag);
        return { ok: true, result, region, report };
      } catch (error) {
        const failure = classifyUpstreamFailure(error, billable);
        last = failure;
        if (failure.upstreamCode !== undefined) report.upstreamCode = failure.upstreamCode;
        if (failure.upstreamRequestId !== undefined) report.upstreamRequestId = failure.upstreamRequestId;
        if (failure.verdict === "failed" || !admission.clean)
          await circuit.record(config.circuit, failure.verdict, callerTag);
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
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(callerId));
  return [...new Uint8Array(digest, 0, 8)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
