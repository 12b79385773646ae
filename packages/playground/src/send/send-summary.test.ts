import { describe, expect, test } from "vitest";
import { sendLogLine, sendSummary } from "./send-summary.js";

const exchange = (status: number, attempts = 1) => ({
  status,
  headers: [],
  body: {},
  bodyText: "{}",
  attempts,
  requestBytes: 2,
});
const failure = { code: "image_rejected", message: "m", meaning: "m", action: "a", retryable: false };

describe("sendSummary and sendLogLine", () => {
  test("an answer says its verdict and SubCode", () => {
    const answer = { passed: true, subCode: "200" } as never;
    expect(sendSummary({ answer })).toBe("Passed (SubCode 200)");
    expect(sendSummary({ answer: { passed: false, subCode: "205" } as never })).toBe(
      "Not passed (SubCode 205)",
    );
  });

  test("a failure says its code, and the status when there was an answer", () => {
    expect(sendSummary({ failure, exchange: exchange(422) })).toBe("image_rejected (HTTP 422)");
    expect(sendSummary({ failure })).toBe("image_rejected");
    expect(sendSummary({})).toBe("Error");
  });

  test("the log line adds the time, and the attempts only when there were retries", () => {
    expect(sendLogLine({ failure, exchange: exchange(422) }, 41.6)).toBe(
      "image_rejected (HTTP 422) in 42 ms.",
    );
    expect(sendLogLine({ failure, exchange: exchange(503, 3) }, 900)).toBe(
      "image_rejected (HTTP 503) in 900 ms after 3 attempts.",
    );
  });
});
