import { describe, expect, test } from "vitest";
import { decodeReceipt } from "./decode-receipt.js";
import {
  describeClaims,
  describeHeader,
  formatEpochSeconds,
  formatValue,
  relative,
} from "./describe-receipt.js";
import { receiptClaims, testSigner } from "./test-support/sign-test-receipt.js";

const iat = 1_796_525_469; // 2026-12-06 02:51:09 UTC

describe("describeClaims", () => {
  test("every claim with its value and a meaning; times readable, UTC, relative to now, with the number", async () => {
    const signer = await testSigner();
    const decoded = decodeReceipt(await signer.sign(receiptClaims(iat)));
    const rows = describeClaims(decoded!, new Date((iat + 2) * 1000));
    expect(rows.map((row) => row.name)).toEqual([
      "iss",
      "sub",
      "aud",
      "iat",
      "exp",
      "jti",
      "merchantBizId",
      "merchantUserId",
      "transactionId",
      "passed",
      "subCode",
      "region",
      "imageSha256",
      "face",
    ]);
    const by = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(by.iat?.value).toBe("2026-12-06 02:51:09 UTC (2 s ago; 1796525469)");
    expect(by.exp?.value).toBe("2026-12-06 03:01:09 UTC (in 9 min 58 s; 1796526069)");
    expect(by.passed?.value).toBe("true");
    expect(by.face?.value).toBe("qualityScore: 88.6, attack: false");
    expect(by.merchantUserId?.meaning).toContain("SHA-256");
    for (const row of rows) expect(row.meaning.length, row.name).toBeGreaterThan(5);
  });

  test("an undocumented claim is listed last and says so; a header is described field by field", () => {
    const decoded = {
      header: { typ: "x", alg: "ES256", zip: "DEF" },
      claims: { extra: [1, 2], iss: "i" },
      signatureBytes: 64,
    };
    expect(describeClaims(decoded).map((row) => [row.name, row.value, row.meaning])).toEqual([
      ["iss", "i", expect.stringContaining("issuer")],
      ["extra", "[1,2]", "not a documented receipt claim"],
    ]);
    expect(describeHeader(decoded).map((row) => row.name)).toEqual(["alg", "typ", "zip"]);
  });
});

describe("formatting", () => {
  test("a time that is not whole seconds says so", () => {
    const now = new Date(0);
    expect(formatEpochSeconds("1796532669", now)).toBe('"1796532669" (not a time in seconds)');
    expect(formatEpochSeconds(1.5, now)).toBe("1.5 (not a time in seconds)");
    expect(formatEpochSeconds(1e15, now)).toBe("1000000000000000 (not a time in seconds)");
  });

  test("relative spans: seconds, minutes, hours, days, past and future", () => {
    expect(relative(0)).toBe("now");
    expect(relative(59)).toBe("in 59 s");
    expect(relative(-600)).toBe("10 min ago");
    expect(relative(3 * 3600 + 120)).toBe("in 3 h 2 min");
    expect(relative(-(2 * 86_400 + 3600))).toBe("2 d 1 h ago");
  });

  test("values: strings bare, objects as key: value, the rest as JSON", () => {
    expect(formatValue("x")).toBe("x");
    expect(formatValue({ a: { b: 1 } })).toBe("a: b: 1");
    expect(formatValue(null)).toBe("null");
    expect(formatValue(false)).toBe("false");
  });
});
