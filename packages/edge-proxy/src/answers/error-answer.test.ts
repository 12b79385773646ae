import { describe, expect, it } from "vitest";
import { errorAnswer, retryAfterSeconds } from "./error-answer.js";
import { ProxyError } from "./proxy-error.js";

describe("errorAnswer", () => {
  it("writes { code, message, requestId, retryable, details } and the error's headers", () => {
    const answer = errorAnswer(
      new ProxyError(429, "rate_limited", "Slow down.", {
        retryable: true,
        retryAfterMs: 1_200,
        details: { n: 1 },
        headers: { "x-a": "1" },
      }),
      "req-1",
    );
    expect(answer).toEqual({
      status: 429,
      body: {
        code: "rate_limited",
        message: "Slow down.",
        requestId: "req-1",
        retryable: true,
        details: { n: 1 },
      },
      headers: { "x-a": "1", "retry-after": "2" },
    });
  });

  it("leaves out details and Retry-After when there are none", () => {
    expect(errorAnswer(new ProxyError(400, "invalid_json", "Bad."), "r")).toEqual({
      status: 400,
      body: { code: "invalid_json", message: "Bad.", requestId: "r", retryable: false },
      headers: {},
    });
  });

  it("rounds Retry-After up to whole seconds, at least one", () => {
    expect([
      retryAfterSeconds(0),
      retryAfterSeconds(1),
      retryAfterSeconds(1_000),
      retryAfterSeconds(1_001),
    ]).toEqual(["1", "1", "1", "2"]);
  });
});
