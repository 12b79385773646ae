import { describe, expect, test } from "vitest";
import { LivenessApiError, NetworkError, ResponseFormatError, ValidationError } from "../errors/index.js";
import { isFailoverError, isRetryableError, retryDelayMs } from "./retry-policy.js";

function apiError(
  code: string,
  httpStatus: number,
  retryable: boolean,
  retryAfterMs?: number,
): LivenessApiError {
  return new LivenessApiError({
    code,
    httpStatus,
    message: code,
    retryable,
    billed: false,
    hint: "",
    retryAfterMs,
  });
}

const policy = { retries: 2, baseDelayMs: 100, maxDelayMs: 1000 };

describe("isRetryableError", () => {
  test("retries connection failures, throttling and 5xx", () => {
    expect(isRetryableError(new NetworkError("NetworkError", "x"))).toBe(true);
    expect(isRetryableError(apiError("Throttling.Api", 403, true))).toBe(true);
    expect(isRetryableError(apiError("ServiceUnavailable", 503, true))).toBe(true);
    expect(isRetryableError(new ResponseFormatError("html", 502))).toBe(true);
  });

  test("does not retry business errors, bad input or unknown throws", () => {
    expect(isRetryableError(apiError("InvalidParameter", 400, false))).toBe(false);
    expect(isRetryableError(apiError("NoFaceDetected", 401, false))).toBe(false);
    expect(isRetryableError(new ResponseFormatError("junk", 200))).toBe(false);
    expect(isRetryableError(new ValidationError([]))).toBe(false);
    expect(isRetryableError(new TypeError("bug"))).toBe(false);
  });

  test("does not retry a timeout: the try was sent and may still be billed", () => {
    expect(isRetryableError(new NetworkError("Timeout", "x"))).toBe(false);
  });
});

describe("isFailoverError", () => {
  test("fails over on connection failures and 5xx only, not on throttling or a timeout", () => {
    expect(isFailoverError(new NetworkError("NetworkError", "x"))).toBe(true);
    expect(isFailoverError(new NetworkError("Timeout", "x"))).toBe(false);
    expect(isFailoverError(apiError("InternalError", 500, true))).toBe(true);
    expect(isFailoverError(new ResponseFormatError("html", 502))).toBe(true);
    expect(isFailoverError(apiError("Throttling.Api", 403, true))).toBe(false);
    expect(isFailoverError(apiError("Throttling.User", 400, true))).toBe(false);
    expect(isFailoverError(apiError("InvalidParameter", 400, false))).toBe(false);
  });
});

describe("retryDelayMs", () => {
  const network = new NetworkError("NetworkError", "x");

  test("is a full jitter below a ceiling that doubles each attempt", () => {
    expect(retryDelayMs(policy, 0, network, () => 0)).toBe(0);
    expect(retryDelayMs(policy, 0, network, () => 0.999_999)).toBe(99);
    expect(retryDelayMs(policy, 1, network, () => 0.999_999)).toBe(199);
    expect(retryDelayMs(policy, 2, network, () => 0.5)).toBe(200);
  });

  test("never exceeds maxDelayMs", () => {
    expect(retryDelayMs(policy, 20, network, () => 0.999_999)).toBe(999);
  });

  test("waits at least what the server asked for", () => {
    expect(retryDelayMs(policy, 0, apiError("Throttling.Api", 403, true, 700), () => 0.5)).toBe(700);
    expect(retryDelayMs(policy, 3, apiError("Throttling.Api", 403, true, 10), () => 0.5)).toBe(400);
  });

  test("gives up when the server asks for longer than maxDelayMs", () => {
    expect(retryDelayMs(policy, 0, apiError("Throttling.Api", 403, true, 1001), () => 0)).toBeUndefined();
  });
});
