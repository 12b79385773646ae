import { describe, expect, test } from "vitest";
import { verifyFailure } from "./verify-result.js";

describe("verifyFailure", () => {
  test("includes stringToSign only when given", () => {
    expect(verifyFailure("MissingParameter", "m")).toEqual({
      ok: false,
      code: "MissingParameter",
      message: "m",
    });
    expect(verifyFailure("SignatureDoesNotMatch", "m", "s")).toEqual({
      ok: false,
      code: "SignatureDoesNotMatch",
      message: "m",
      stringToSign: "s",
    });
  });
});
