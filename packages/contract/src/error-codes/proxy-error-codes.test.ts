import * as v from "valibot";
import { describe, expect, test } from "vitest";
import { ErrorAnswerSchema } from "../answer/error-answer.js";
import { isProxyErrorCode, PROXY_ERROR_CODE_NAMES, PROXY_ERROR_CODES } from "./proxy-error-codes.js";

describe("PROXY_ERROR_CODES", () => {
  test("gives every code an error status, a retry rule and a meaning", () => {
    for (const [code, info] of Object.entries(PROXY_ERROR_CODES)) {
      expect(code).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
      expect(info.status >= 400 && info.status <= 599, code).toBe(true);
      expect([true, false, "depends"]).toContain(info.retryable);
      expect(info.meaning.length, code).toBeGreaterThan(10);
    }
  });

  test("isProxyErrorCode knows the table's codes and nothing inherited", () => {
    expect(PROXY_ERROR_CODE_NAMES.every(isProxyErrorCode)).toBe(true);
    expect(["toString", "constructor", "NoFaceDetected", 404].some(isProxyErrorCode)).toBe(false);
  });

  test("an error answer holds a proxy code or Alibaba's own", () => {
    const answer = { message: "m", requestId: "r", retryable: false };
    expect(v.is(ErrorAnswerSchema, { ...answer, code: "header_not_allowed" })).toBe(true);
    expect(v.is(ErrorAnswerSchema, { ...answer, code: "NoFaceDetected" })).toBe(true);
    expect(v.is(ErrorAnswerSchema, { code: "rate_limited", message: "m" })).toBe(false);
  });
});
