import { describe, expect, test } from "vitest";
import { authorizationHeader, parseAuthorizationHeader } from "./authorization-header.js";
import { PUBLISHED_V3 } from "./test-support/signature-vectors.js";

const SIGNED_HEADERS = PUBLISHED_V3.signedHeaders;
const SIGNATURE = PUBLISHED_V3.signature;
const PUBLISHED = PUBLISHED_V3.authorization;

describe("authorizationHeader", () => {
  test("writes the published example's header, no spaces after the commas", () => {
    expect(
      authorizationHeader({
        accessKeyId: "YourAccessKeyId",
        signedHeaders: SIGNED_HEADERS,
        signature: SIGNATURE,
      }),
    ).toBe(PUBLISHED);
  });
});

describe("parseAuthorizationHeader", () => {
  test("reads back what authorizationHeader writes", () => {
    expect(parseAuthorizationHeader(PUBLISHED)).toEqual({
      accessKeyId: "YourAccessKeyId",
      signedHeaders: SIGNED_HEADERS,
      signature: SIGNATURE,
    });
  });

  test("tolerates spaces around the parts and upper-case hex", () => {
    const parsed = parseAuthorizationHeader(
      ` ACS3-HMAC-SHA256 Credential=id, SignedHeaders=host , Signature=${SIGNATURE.toUpperCase()} `,
    );
    expect(parsed).toEqual({ accessKeyId: "id", signedHeaders: "host", signature: SIGNATURE });
  });

  test.each([
    ["empty", ""],
    ["another algorithm", `ACS3-HMAC-SM3 Credential=id,SignedHeaders=host,Signature=${SIGNATURE}`],
    ["no parts", "ACS3-HMAC-SHA256"],
    ["missing signature", "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host"],
    ["empty credential", `ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=${SIGNATURE}`],
    ["repeated part", `ACS3-HMAC-SHA256 Credential=a,Credential=b,SignedHeaders=host,Signature=${SIGNATURE}`],
    ["unknown part", `ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=${SIGNATURE},Extra=1`],
    ["short signature", "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=abc"],
    ["non-hex signature", `ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=${"g".repeat(64)}`],
    ["empty header name", `ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;;x,Signature=${SIGNATURE}`],
    ["part without =", `ACS3-HMAC-SHA256 Credential=id,SignedHeaders,Signature=${SIGNATURE}`],
  ])("refuses %s", (_, value) => {
    expect(parseAuthorizationHeader(value)).toBeUndefined();
  });
});
