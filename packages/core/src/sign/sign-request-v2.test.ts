import { describe, expect, test } from "vitest";
import { ValidationError } from "../errors/index.js";
import { signRequestV2, v2Signature, v2StringToSign } from "./sign-request-v2.js";
import { PUBLISHED_V2 } from "./test-support/signature-vectors.js";

const PUBLISHED_PARAMS = PUBLISHED_V2.params;
const PUBLISHED_STRING_TO_SIGN = PUBLISHED_V2.stringToSign;
const PUBLISHED_SIGNATURE = PUBLISHED_V2.signature;

describe("v2StringToSign", () => {
  test("reproduces the published string to sign byte for byte", () => {
    expect(v2StringToSign("GET", PUBLISHED_PARAMS)).toBe(PUBLISHED_STRING_TO_SIGN);
  });

  test("leaves Signature out and accepts pairs", () => {
    const pairs = Object.entries({ ...PUBLISHED_PARAMS, Signature: "x" });
    expect(v2StringToSign("get", pairs)).toBe(PUBLISHED_STRING_TO_SIGN);
  });
});

describe("v2Signature", () => {
  test("gives the published signature", async () => {
    expect(await v2Signature(PUBLISHED_V2.accessKeySecret, PUBLISHED_STRING_TO_SIGN)).toBe(
      PUBLISHED_SIGNATURE,
    );
  });
});

describe("signRequestV2", () => {
  test("reproduces the published example", async () => {
    const params = await signRequestV2(
      { method: "GET", params: {} },
      { accessKeyId: "testid", accessKeySecret: "testsecret" },
      {
        action: "DescribeRegions",
        version: "2014-05-26",
        format: "XML",
        date: new Date("2016-02-23T12:46:24Z"),
        nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      },
    );
    expect(params).toEqual({ ...PUBLISHED_PARAMS, Signature: PUBLISHED_SIGNATURE });
  });

  test("keeps the caller's parameters, adds SecurityToken for STS, defaults to JSON", async () => {
    const params = await signRequestV2(
      { method: "POST", params: { RegionId: "cn-hangzhou", Signature: "stale" } },
      { accessKeyId: "id", accessKeySecret: "secret", securityToken: "sts" },
      { action: "A", version: "1" },
    );
    expect(params.RegionId).toBe("cn-hangzhou");
    expect(params.SecurityToken).toBe("sts");
    expect(params.Format).toBe("JSON");
    expect(params.Signature).not.toBe("stale");
    expect(params.Signature).toBe(await v2Signature("secret", v2StringToSign("POST", params)));
  });

  test("refuses empty credentials with a ValidationError", async () => {
    await expect(
      signRequestV2(
        { method: "GET", params: {} },
        { accessKeyId: "", accessKeySecret: "" },
        { action: "A", version: "1" },
      ),
    ).rejects.toThrow(ValidationError);
  });
});
