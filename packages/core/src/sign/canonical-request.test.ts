import { describe, expect, test } from "vitest";
import { canonicalRequest } from "./canonical-request.js";
import { sha256Hex } from "./hash.js";
import { PUBLISHED_V3 } from "./test-support/signature-vectors.js";

describe("canonicalRequest", () => {
  test("builds the published example byte for byte, and its published hash", async () => {
    const text = canonicalRequest({
      method: PUBLISHED_V3.method,
      path: "/",
      query: PUBLISHED_V3.canonicalQuery,
      canonicalHeaders: PUBLISHED_V3.canonicalHeaders,
      signedHeaders: PUBLISHED_V3.signedHeaders,
      bodyHash: PUBLISHED_V3.headers["x-acs-content-sha256"],
    });
    expect(text).toBe(PUBLISHED_V3.canonicalRequest);
    expect(await sha256Hex(text)).toBe(PUBLISHED_V3.canonicalRequestHash);
  });

  test("keeps an empty query line", () => {
    const text = canonicalRequest({
      method: "GET",
      path: "/",
      query: "",
      canonicalHeaders: "host:h\n",
      signedHeaders: "host",
      bodyHash: "x",
    });
    expect(text).toBe("GET\n/\n\nhost:h\n\nhost\nx");
  });
});
