import { describe, expect, it } from "vitest";
import { parseScenarioRule, readOutcome } from "./scenario-rule.js";

describe("readOutcome", () => {
  it("accepts the outcomes and Alibaba's codes as aliases", () => {
    expect(readOutcome("attack")).toEqual({ outcome: "attack" });
    expect(readOutcome("ServiceUnavailable")).toEqual({ outcome: "503" });
    expect(readOutcome(500)).toEqual({ outcome: "500" });
    expect(readOutcome("Throttling.Api")).toEqual({ outcome: "throttling" });
    expect(readOutcome("explode")).toBeUndefined();
    expect(readOutcome({})).toBeUndefined();
  });

  it("turns any other error code of the API into an error outcome", () => {
    expect(readOutcome("Forbidden.RAMUserAccessDenied")).toEqual({
      outcome: "error",
      code: "Forbidden.RAMUserAccessDenied",
    });
    expect(readOutcome("error", "Throttling.User")).toEqual({ outcome: "error", code: "Throttling.User" });
    expect(readOutcome("error", "NotACode")).toBeUndefined();
    expect(readOutcome("error")).toBeUndefined();
  });
});

describe("parseScenarioRule", () => {
  it("reads a full rule", () => {
    expect(
      parseScenarioRule({ outcome: "pass", latencyMs: 20, times: 2, faceAge: 31, faceGender: "F" }),
    ).toEqual({ ok: true, rule: { outcome: "pass", latencyMs: 20, times: 2, faceAge: 31, faceGender: "F" } });
  });

  it("takes `fault` or `scenario` as the outcome, and latency alone as a latency rule", () => {
    expect(parseScenarioRule({ fault: "503" })).toEqual({ ok: true, rule: { outcome: "503", latencyMs: 0 } });
    expect(parseScenarioRule({ scenario: "hang" })).toEqual({
      ok: true,
      rule: { outcome: "hang", latencyMs: 0 },
    });
    expect(parseScenarioRule({ latencyMs: 5 })).toEqual({
      ok: true,
      rule: { outcome: "latency", latencyMs: 5 },
    });
  });

  it("reads an error outcome, by code or as error + code", () => {
    expect(parseScenarioRule({ outcome: "Forbidden.AccountAccessDenied" })).toEqual({
      ok: true,
      rule: { outcome: "error", latencyMs: 0, code: "Forbidden.AccountAccessDenied" },
    });
    expect(parseScenarioRule({ outcome: "error", code: "TransactionIdInvalid" })).toEqual({
      ok: true,
      rule: { outcome: "error", latencyMs: 0, code: "TransactionIdInvalid" },
    });
  });

  it.each([
    [{ outcome: "error" }, "outcome must be one of"],
    [null, "JSON object"],
    [[], "JSON object"],
    [{ outcome: "nope" }, "outcome must be one of"],
    [{ outcome: "pass", latencyMs: -1 }, "latencyMs"],
    [{ outcome: "pass", latencyMs: 1.5 }, "latencyMs"],
    [{ outcome: "pass", latencyMs: 3_600_000 }, "latencyMs"],
    [{ outcome: "pass", times: 0 }, "times"],
    [{ outcome: "throttling", retryAfterMs: "1" }, "retryAfterMs"],
    [{ outcome: "pass", faceAge: 200 }, "faceAge"],
    [{ outcome: "pass", faceGender: "X" }, "faceGender"],
  ])("refuses %j", (input, message) => {
    const parsed = parseScenarioRule(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});
