import { describe, expect, test } from "vitest";
import { LivenessApiError } from "../errors/index.js";
import { toLivenessApiError } from "./to-liveness-api-error.js";

describe("toLivenessApiError", () => {
  test("reads our proxy's lower-case body, including its retryable verdict", () => {
    const error = toLivenessApiError(429, {
      code: "RateLimited",
      message: "too many",
      requestId: "p1",
      retryable: true,
    });
    expect(error).toBeInstanceOf(LivenessApiError);
    expect(error).toMatchObject({
      code: "RateLimited",
      httpStatus: 429,
      requestId: "p1",
      retryable: true,
      billed: false,
    });
  });

  test("falls back to the table's meaning when there is no message, and UnknownError when there is no code", () => {
    const error = toLivenessApiError(504, "not an object");
    expect(error.code).toBe("UnknownError");
    expect(error.message).toContain("HTTP 504");
    expect(error.retryable).toBe(true);
  });

  test("clips a very long message", () => {
    const error = toLivenessApiError(400, { Code: "InvalidParameter", Message: "m".repeat(5000) });
    expect(error.message.length).toBeLessThanOrEqual(301);
  });

  test("takes the hint from the error table", () => {
    expect(toLivenessApiError(400, { Code: "InvalidTimeStamp.Expired" }).hint).toMatch(/clock/);
  });
});

test("reads retryAfterMs from the headers", () => {
  expect(
    toLivenessApiError(403, { Code: "Throttling.Api" }, { "x-acs-retry-after": "40" }).retryAfterMs,
  ).toBe(40);
});
