import { type LivenessApiError, NetworkError, ResponseFormatError } from "@liveness-kit/core/errors";
import { toLivenessApiError } from "@liveness-kit/core/response";
import { describe, expect, it } from "vitest";
import { classifyUpstreamFailure } from "./upstream-failure.js";

function apiError(status: number, code: string, headers: Record<string, string> = {}): LivenessApiError {
  return toLivenessApiError(
    status,
    { RequestId: "REQ-1", Code: code, Message: `upstream says: StringToSign secret-ish ${code}` },
    headers,
  );
}

describe("classifyUpstreamFailure", () => {
  it.each([
    [401, "NoFaceDetected", 422, false, false],
    [401, "UnqualifiedPhoto", 422, false, false],
    [401, "DownloadTimeout", 422, false, false],
    [400, "InvalidParameter", 422, false, false],
    [400, "SignatureDoesNotMatch", 502, false, false],
    [404, "InvalidAccessKeyId.NotFound", 502, false, false],
    [403, "Forbidden.RAMUserAccessDenied", 502, false, false],
    [403, "Throttling.Api", 429, true, false],
    [500, "InternalError", 503, true, true],
    [503, "ServiceUnavailable", 503, true, true],
  ])(
    "maps HTTP %i %s to %i (retryable %s, region down %s)",
    (status, code, proxyStatus, retryable, regionFailure) => {
      const failure = classifyUpstreamFailure(apiError(status, code));
      expect(failure.error.status).toBe(proxyStatus);
      // A refusal of the proxy's own account is the operator's: a generic code, the advice for the log.
      expect(failure.error.code).toBe(proxyStatus === 502 ? "upstream_refused_proxy" : code);
      expect(failure.upstreamCode).toBe(code);
      if (proxyStatus === 502) {
        expect(failure.error.hint).toBeUndefined();
        expect(failure.error.details).toBeUndefined();
        expect(failure.error.operatorHint).toContain(code);
      }
      expect(failure.retryable).toBe(retryable);
      expect(failure.regionFailure).toBe(regionFailure);
      expect(failure.upstreamRequestId).toBe("REQ-1");
      // Core's explanation, never the upstream's own message.
      expect(failure.error.message).not.toContain("upstream says");
    },
  );

  it.each([
    ["a 5xx", apiError(503, "ServiceUnavailable"), "failed"],
    ["gateway throttling", apiError(403, "Throttling.Api"), "failed"],
    ["a refusal of the picture", apiError(401, "NoFaceDetected"), "answered"],
    ["a refusal of the proxy's key", apiError(400, "SignatureDoesNotMatch"), "answered"],
    ["a connection failure", new NetworkError("NetworkError", "refused"), "failed"],
    ["a timeout of FaceLivenessV2", new NetworkError("Timeout", "slow"), "unknown"],
    ["an HTML 502 page", new ResponseFormatError("html", 502), "failed"],
  ] as const)("says what %s tells about the region, for its circuit", (_name, error, verdict) => {
    expect(classifyUpstreamFailure(error).verdict).toBe(verdict);
  });

  it("counts no strike for a timed-out picture upload either (a caller's slow call is no region verdict)", () => {
    expect(classifyUpstreamFailure(new NetworkError("Timeout", "slow"), false).verdict).toBe("unknown");
  });

  it("carries Alibaba's x-acs-retry-after into the answer's Retry-After", () => {
    const failure = classifyUpstreamFailure(apiError(403, "Throttling.Api", { "x-acs-retry-after": "2500" }));
    expect(failure.error.retryAfterMs).toBe(2500);
  });

  it("maps a connection failure to a retryable 502", () => {
    const network = classifyUpstreamFailure(new NetworkError("NetworkError", "reset"));
    expect([network.error.status, network.error.code, network.retryable, network.regionFailure]).toEqual([
      502,
      "upstream_unreachable",
      true,
      true,
    ]);
    expect(network.mayBeBilled).toBe(false);
  });

  it("maps a FaceLivenessV2 timeout to a final 504 that may have been billed", () => {
    const timeout = classifyUpstreamFailure(new NetworkError("Timeout", "slow"));
    expect([timeout.error.status, timeout.error.code, timeout.retryable, timeout.mayBeBilled]).toEqual([
      504,
      "upstream_timeout",
      false,
      true,
    ]);
    expect(timeout.error.retryable).toBe(false);
    expect(timeout.error.message).toContain("may have been billed");
  });

  it("keeps a timeout of the picture upload retryable: nothing was billed yet", () => {
    const timeout = classifyUpstreamFailure(new NetworkError("Timeout", "slow"), false);
    expect([timeout.error.status, timeout.error.code, timeout.retryable, timeout.mayBeBilled]).toEqual([
      504,
      "upstream_timeout",
      true,
      false,
    ]);
    expect(timeout.error.retryable).toBe(true);
  });

  it("maps an unreadable answer to 502, retryable only when it came with a 5xx", () => {
    expect(classifyUpstreamFailure(new ResponseFormatError("html", 502)).retryable).toBe(true);
    const garbage = classifyUpstreamFailure(new ResponseFormatError("not json", 200));
    expect([garbage.error.status, garbage.error.code, garbage.retryable]).toEqual([
      502,
      "upstream_bad_response",
      false,
    ]);
  });

  it("lets programming errors through", () => {
    expect(() => classifyUpstreamFailure(new TypeError("bug"))).toThrow("bug");
  });
});
