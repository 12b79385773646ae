import { describe, expect, test } from "vitest";
import { API_ERRORS, describeApiError } from "./api-errors.js";

// Every code of the two error tables of the spec (face-liveness-v2.md, "Errors"), typed in by hand from it.
const SPEC_PRODUCT_CODES: Record<string, number> = {
  MissingParameter: 400,
  InvalidParameter: 400,
  TransactionIdInvalid: 400,
  UnqualifiedPhoto: 401,
  DataDuplication: 401,
  ToolargeImage: 401,
  DownloadTimeout: 401,
  NoFaceDetected: 401,
  "Forbidden.ExceptionRepeatedInvoke": 401,
  "Forbidden.RAMUserAccessDenied": 403,
  "Forbidden.AccountAccessDenied": 403,
  "Throttling.Api": 403,
  InternalError: 500,
  ServiceUnavailable: 503,
};
const SPEC_GATEWAY_CODES: Record<string, number> = {
  SignatureDoesNotMatch: 400,
  IncompleteSignature: 400,
  "InvalidTimeStamp.Expired": 400,
  SignatureNonceUsed: 400,
  "Throttling.User": 400,
  "InvalidAccessKeyId.NotFound": 404,
  "InvalidApi.NotFound": 404,
};
const SPEC_RETRYABLE = ["Throttling.Api", "Throttling.User", "InternalError", "ServiceUnavailable"];

describe("API_ERRORS", () => {
  test.each(Object.entries(SPEC_PRODUCT_CODES))("holds the product code %s with HTTP %i", (code, status) => {
    expect(API_ERRORS[code]).toMatchObject({ code, httpStatus: status, source: "product" });
  });

  test.each(Object.entries(SPEC_GATEWAY_CODES))("holds the gateway code %s with HTTP %i", (code, status) => {
    expect(API_ERRORS[code]).toMatchObject({ code, httpStatus: status, source: "gateway" });
  });

  test("holds no code the spec does not list", () => {
    const specCodes = [...Object.keys(SPEC_PRODUCT_CODES), ...Object.keys(SPEC_GATEWAY_CODES)].sort();
    expect(Object.keys(API_ERRORS).sort()).toEqual(specCodes);
  });

  test("marks exactly throttling and 5xx as retryable, and no error as billed", () => {
    const retryable = Object.values(API_ERRORS)
      .filter((info) => info.retryable)
      .map((info) => info.code);
    expect(retryable.sort()).toEqual([...SPEC_RETRYABLE].sort());
    expect(Object.values(API_ERRORS).some((info) => info.billed)).toBe(false);
  });

  test("reads a plain code as words for its meaning, and keeps the meanings written out", () => {
    expect(API_ERRORS.NoFaceDetected!.meaning).toBe("no face detected");
    expect(API_ERRORS.SignatureDoesNotMatch!.meaning).toBe("signature does not match");
    expect(API_ERRORS.TransactionIdInvalid!.meaning).toBe("transaction id invalid");
    expect(API_ERRORS.UnqualifiedPhoto!.meaning).toBe("unusable photo");
    expect(API_ERRORS["InvalidAccessKeyId.NotFound"]!.meaning).toBe("unknown AccessKeyId");
  });

  test("says what each code means and what to do about it", () => {
    for (const info of Object.values(API_ERRORS)) {
      expect(info.meaning.length, info.code).toBeGreaterThan(10);
      expect(info.action, info.code).toMatch(/^[A-Z].{10,}\.$/);
    }
  });
});

describe("describeApiError", () => {
  test("returns the table entry for a known code, whatever status is given", () => {
    expect(describeApiError("NoFaceDetected", 200)).toBe(API_ERRORS.NoFaceDetected);
  });

  test("gives a retryable generic entry for an unknown 5xx", () => {
    expect(describeApiError("Weird.Error", 502)).toMatchObject({
      code: "Weird.Error",
      httpStatus: 502,
      retryable: true,
      billed: false,
      source: "unknown",
    });
  });

  test("gives a non-retryable generic entry for an unknown 4xx or a missing status", () => {
    expect(describeApiError("Weird.Error", 409).retryable).toBe(false);
    expect(describeApiError("Weird.Error")).toMatchObject({ httpStatus: 0, retryable: false });
  });

  test("treats any unknown Throttling code as retryable", () => {
    expect(describeApiError("Throttling.Tenant", 400).retryable).toBe(true);
  });

  test("never mistakes inherited object keys for codes", () => {
    expect(describeApiError("toString", 400).source).toBe("unknown");
    expect(describeApiError("__proto__", 400).source).toBe("unknown");
  });
});
