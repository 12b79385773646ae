import { describe, expect, test } from "vitest";
import { canonicalHeaders, isSignedHeaderName } from "./canonical-headers.js";
import { PUBLISHED_V3 } from "./test-support/signature-vectors.js";

describe("canonicalHeaders", () => {
  test("gives the published example's canonical headers", () => {
    const result = canonicalHeaders(PUBLISHED_V3.headers);
    expect(result.canonicalHeaders).toBe(PUBLISHED_V3.canonicalHeaders);
    expect(result.signedHeaders).toBe(PUBLISHED_V3.signedHeaders);
  });

  test("keeps only host, content-type and x-acs-*, lower-cases names and trims values", () => {
    const result = canonicalHeaders({
      "Content-Type": "  application/x-www-form-urlencoded ",
      "User-Agent": "test",
      Authorization: "secret-looking",
      "X-Acs-Date": "\t2023-10-26T10:22:32Z",
      Accept: "application/json",
    });
    expect(result.canonicalHeaders).toBe(
      "content-type:application/x-www-form-urlencoded\nx-acs-date:2023-10-26T10:22:32Z\n",
    );
    expect(result.signedHeaders).toBe("content-type;x-acs-date");
  });

  test("joins the sorted values of a name given twice in different cases", () => {
    const result = canonicalHeaders([
      ["X-Acs-Foo", "b"],
      ["x-acs-foo", "a"],
    ]);
    expect(result.canonicalHeaders).toBe("x-acs-foo:a,b\n");
    expect(result.signedHeaders).toBe("x-acs-foo");
  });

  test("is empty without signed headers", () => {
    expect(canonicalHeaders({ accept: "*/*" })).toEqual({ canonicalHeaders: "", signedHeaders: "" });
  });

  test("isSignedHeaderName", () => {
    expect(isSignedHeaderName("host")).toBe(true);
    expect(isSignedHeaderName("content-type")).toBe(true);
    expect(isSignedHeaderName("x-acs-anything")).toBe(true);
    expect(isSignedHeaderName("x-acsx")).toBe(false);
    expect(isSignedHeaderName("authorization")).toBe(false);
  });
});
