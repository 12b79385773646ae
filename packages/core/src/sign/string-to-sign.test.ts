import { describe, expect, test } from "vitest";
import { ACS3_ALGORITHM, stringToSign } from "./string-to-sign.js";

describe("stringToSign", () => {
  test("prefixes the canonical request hash with the algorithm and a newline", () => {
    expect(ACS3_ALGORITHM).toBe("ACS3-HMAC-SHA256");
    expect(stringToSign("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259")).toBe(
      "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
    );
  });
});
