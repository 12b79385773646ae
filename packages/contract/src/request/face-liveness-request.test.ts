import { isMerchantBizId } from "@liveness-kit/core/request";
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, test } from "vitest";
import {
  FaceLivenessFormSchema,
  FaceLivenessJsonSchema,
  MerchantBizIdSchema,
} from "./face-liveness-request.js";
import { REQUEST_FIELDS, requestFieldNames } from "./request-fields.js";
import { MAX_IMAGE_URL_LENGTH } from "./request-limits.js";

const USER = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

/** The paths of the issues of a body, with their messages. */
function issuesOf(body: unknown): string[] {
  const result = v.safeParse(FaceLivenessJsonSchema, body, { abortEarly: false });
  return result.success ? [] : result.issues.map((issue) => `${v.getDotPath(issue) ?? ""}: ${issue.message}`);
}

describe("FaceLivenessJsonSchema", () => {
  test("takes a body with exactly one picture source", () => {
    expect(issuesOf({ merchantBizId: "order1", merchantUserId: USER, image: { base64: "AAAA" } })).toEqual(
      [],
    );
    expect(
      issuesOf({ merchantUserId: USER, image: { url: "https://a.example/x.jpg" }, faceQualityCheck: true }),
    ).toEqual([]);
  });

  test("refuses none or two picture sources with the rule of `image`", () => {
    for (const image of [{}, { base64: "AAAA", url: "https://a.example/x.jpg" }]) {
      expect(issuesOf({ merchantUserId: USER, image })).toEqual([`image: ${REQUEST_FIELDS.image.rule}`]);
    }
  });

  test("refuses unknown fields at the top and in image", () => {
    const issues = issuesOf({ merchantUserId: USER, image: { base64: "AAAA", raw: 1 }, debug: true });
    expect(issues.map((issue) => issue.split(":")[0])).toEqual(["image.raw", "debug"]);
  });

  test("bounds image.url by the proxy's limit", () => {
    const at = `https://a.example/${"a".repeat(MAX_IMAGE_URL_LENGTH - 18)}`;
    expect(at.length).toBe(MAX_IMAGE_URL_LENGTH);
    expect(issuesOf({ merchantUserId: USER, image: { url: at } })).toEqual([]);
    expect(issuesOf({ merchantUserId: USER, image: { url: `${at}a` } })).toEqual([
      `image.url: ${REQUEST_FIELDS["image.url"].rule}`,
    ]);
  });

  test("never quotes the value sent in a message", () => {
    const secret = "alice@example.com";
    const messages = issuesOf({
      merchantBizId: secret,
      merchantUserId: secret,
      image: { base64: 5, url: secret },
    });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join("\n")).not.toContain(secret);
  });

  test("the multipart form has the same fields, the picture as a file", () => {
    expect(Object.keys(FaceLivenessFormSchema.entries).sort()).toEqual(requestFieldNames([]).sort());
    const form = {
      merchantUserId: USER,
      faceQualityCheck: "true",
      image: new File([new Uint8Array(3)], "a.jpg"),
    };
    expect(v.is(FaceLivenessFormSchema, form)).toBe(true);
  });
});

describe("MerchantBizIdSchema", () => {
  test("accepts exactly what core's isMerchantBizId accepts", () => {
    const id = fc.oneof(
      fc.string({ unit: fc.constantFrom(..."Az09"), maxLength: 34 }),
      fc.string({ maxLength: 34 }),
      fc.string({ unit: "grapheme", maxLength: 34 }),
    );
    fc.assert(
      fc.property(id, (value) => {
        expect(v.is(MerchantBizIdSchema, value)).toBe(isMerchantBizId(value));
      }),
      { numRuns: 1_000 },
    );
  });
});
