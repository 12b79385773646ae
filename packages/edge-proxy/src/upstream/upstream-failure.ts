import { isFailoverError, isRetryableError } from "@liveness-kit/core/client";
import { LivenessApiError, NetworkError, ResponseFormatError } from "@liveness-kit/core/errors";
import { describeApiError } from "@liveness-kit/core/spec";
import { ProxyError } from "../answers/proxy-error.js";
import type { RegionVerdict } from "./circuit-breaker.js";

/** What the retry loop needs to know about a failed upstream call. */
export interface UpstreamFailure {
  /** Sending the same call again may succeed (connection failure, 5xx, throttling): core's rule. */
  retryable: boolean;
  /**
   * The region looks down (connection failure, timeout, 5xx): a strike for its circuit, and, when the
   * failure is also retryable, a reason to try the next region (core's fail-over rule).
   */
  regionFailure: boolean;
  /**
   * What the failure says about the region, for its circuit: `failed` only for a 5xx, a connection failure
   * or gateway throttling; `unknown` for a timeout (a caller can make its own calls slow); `answered` for
   * any refusal of the request itself.
   */
  verdict: RegionVerdict;
  /** The call was sent and never answered: Alibaba may still have decided and billed it. */
  mayBeBilled: boolean;
  /** The answer for the caller if this is the last word. */
  error: ProxyError;
  /** Alibaba's error code, for the log line. */
  upstreamCode?: string;
  upstreamRequestId?: string;
}

/**
 * Classifies a failure of an upstream call; core decides what is retryable and what justifies another
 * region (`isRetryableError`, `isFailoverError`). `billable` says whether the failed call was
 * FaceLivenessV2 itself: a timeout there has an unknown outcome and is never sent again (it could be
 * billed twice); a timeout of the picture upload that comes before it bills nothing and stays retryable.
 * The caller's answer carries Alibaba's code and core's explanation, never Alibaba's raw message (it can
 * quote the string to sign) and never anything of the request.
 */
export function classifyUpstreamFailure(error: unknown, billable = true): UpstreamFailure {
  const retryable = isRetryableError(error);
  const regionFailure = isFailoverError(error);
  const mayBeBilled = false;
  if (error instanceof LivenessApiError) {
    const failed = error.httpStatus >= 500 || error.code.startsWith("Throttling");
    return {
      retryable,
      regionFailure,
      verdict: failed ? "failed" : "answered",
      mayBeBilled,
      ...fromApiError(error),
    };
  }
  if (error instanceof NetworkError) {
    if (error.code !== "Timeout") {
      return {
        retryable,
        regionFailure,
        verdict: "failed",
        mayBeBilled,
        error: new ProxyError(502, "upstream_unreachable", "Alibaba Cloud could not be reached.", {
          retryable: true,
        }),
      };
    }
    if (!billable) {
      return {
        retryable: true,
        regionFailure: true,
        verdict: "unknown",
        mayBeBilled,
        error: new ProxyError(504, "upstream_timeout", "The picture upload to Alibaba Cloud timed out.", {
          retryable: true,
        }),
      };
    }
    return {
      retryable: false,
      regionFailure: true,
      verdict: "unknown",
      mayBeBilled: true,
      error: new ProxyError(
        504,
        "upstream_timeout",
        "Alibaba Cloud did not answer in time; the outcome is unknown and may have been billed.",
        {
          retryable: false,
          hint: "Do not resend this merchantBizId blindly: a resend could be billed twice. A repeat of it gets this same answer.",
        },
      ),
    };
  }
  if (error instanceof ResponseFormatError) {
    return {
      retryable,
      regionFailure,
      verdict: error.httpStatus >= 500 ? "failed" : "answered",
      mayBeBilled,
      error: new ProxyError(
        502,
        "upstream_bad_response",
        "Alibaba Cloud answered with something unexpected.",
        {
          retryable,
        },
      ),
      ...(error.requestId === undefined ? {} : { upstreamRequestId: error.requestId }),
    };
  }
  throw error;
}

function fromApiError(
  error: LivenessApiError,
): Omit<UpstreamFailure, "retryable" | "regionFailure" | "verdict" | "mayBeBilled"> {
  const info = describeApiError(error.code, error.httpStatus);
  const status = proxyStatus(error, info.source);
  const upstream = {
    upstreamCode: error.code,
    ...(error.requestId === undefined ? {} : { upstreamRequestId: error.requestId }),
  };
  if (status === 502) {
    // The proxy's own AccessKey or account was refused: what to do about it is the operator's business
    // (it goes to the log line); the caller learns only that the proxy is at fault, and the request id.
    return {
      error: new ProxyError(
        502,
        "upstream_refused_proxy",
        "Alibaba Cloud refused this proxy's own credentials or account; its operator must fix it. Quote the requestId.",
        { retryable: false, operatorHint: `${error.code}: ${info.meaning}. ${info.action}` },
      ),
      ...upstream,
    };
  }
  const message = `Alibaba Cloud refused the call: ${info.meaning}.`;
  const details = error.requestId === undefined ? undefined : { upstreamRequestId: error.requestId };
  return {
    error: new ProxyError(status, { alibaba: error.code }, message, {
      retryable: error.retryable,
      hint: info.action,
      ...(error.retryable ? { retryAfterMs: error.retryAfterMs ?? 1_000 } : {}),
      ...(details === undefined ? {} : { details }),
    }),
    ...upstream,
  };
}

/**
 * The status the caller sees. Alibaba answers image problems with 401, which to a web app means "your
 * credentials are wrong": they become 422. Refusals of the proxy's own AccessKey or account are the
 * operator's problem, not the caller's: 502. Throttling that outlived the retries: 429; 5xx: 503.
 */
function proxyStatus(error: LivenessApiError, source: "product" | "gateway" | "unknown"): number {
  if (error.code.startsWith("Throttling")) return 429;
  if (error.httpStatus >= 500) return 503;
  if (source === "gateway" || error.httpStatus === 403 || error.httpStatus === 404) return 502;
  if (error.httpStatus >= 400) return 422;
  return 502;
}
