import { describe, expect, test } from "vitest";
import { IMAGE_LIMITS } from "../spec/index.js";
import {
  isPictureSourceGiven,
  MERCHANT_USER_ID_MAX_LENGTH,
  PICTURE_URL_MAX_LENGTH,
  validateFaceLivenessInput,
} from "./validate-face-liveness-input.js";

const valid = {
  merchantBizId: "biz123",
  merchantUserId: "user-hash",
  facePictureUrl: "https://example.com/face.jpg",
};

function codesOf(input: unknown): string[] {
  return validateFaceLivenessInput(input).map((issue) => `${issue.field}:${issue.code}`);
}

// `length` characters of valid base64 decoding to `length * 3 / 4` bytes.
function base64OfLength(length: number): string {
  return "QUJD".repeat(Math.ceil(length / 4)).slice(0, length);
}

test("accepts a valid input in each picture mode", () => {
  expect(validateFaceLivenessInput(valid)).toEqual([]);
  expect(
    validateFaceLivenessInput({ ...valid, facePictureUrl: undefined, facePictureBase64: "/9j/4AAQ" }),
  ).toEqual([]);
  expect(
    validateFaceLivenessInput({
      ...valid,
      facePictureUrl: undefined,
      facePictureFile: "http://b.oss.example.com/k",
    }),
  ).toEqual([]);
});

test("refuses what is not an object", () => {
  for (const input of [null, undefined, "x", 1, []]) expect(codesOf(input)).toEqual(["input:invalid_type"]);
});

describe("merchantBizId", () => {
  test("is required", () => {
    expect(codesOf({ ...valid, merchantBizId: undefined })).toEqual(["merchantBizId:required"]);
    expect(codesOf({ ...valid, merchantBizId: "" })).toEqual(["merchantBizId:required"]);
  });
  test("is a string of letters and digits, at most 32", () => {
    expect(codesOf({ ...valid, merchantBizId: 42 })).toEqual(["merchantBizId:invalid_type"]);
    expect(codesOf({ ...valid, merchantBizId: "a".repeat(32) })).toEqual([]);
    expect(codesOf({ ...valid, merchantBizId: "a".repeat(33) })).toEqual(["merchantBizId:too_long"]);
    expect(codesOf({ ...valid, merchantBizId: "biz_123" })).toEqual(["merchantBizId:invalid_format"]);
    expect(codesOf({ ...valid, merchantBizId: "bïz" })).toEqual(["merchantBizId:invalid_format"]);
  });
});

describe("merchantUserId", () => {
  test("is required", () => {
    expect(codesOf({ ...valid, merchantUserId: undefined })).toEqual(["merchantUserId:required"]);
    expect(codesOf({ ...valid, merchantUserId: "" })).toEqual(["merchantUserId:required"]);
    expect(codesOf({ ...valid, merchantUserId: 7 })).toEqual(["merchantUserId:invalid_type"]);
  });
  test("is bounded in length", () => {
    expect(codesOf({ ...valid, merchantUserId: "u".repeat(MERCHANT_USER_ID_MAX_LENGTH) })).toEqual([]);
    expect(codesOf({ ...valid, merchantUserId: "u".repeat(MERCHANT_USER_ID_MAX_LENGTH + 1) })).toEqual([
      "merchantUserId:too_long",
    ]);
  });
  test("holds no control characters or lone surrogates, but any other Unicode", () => {
    expect(codesOf({ ...valid, merchantUserId: "a\u0000b" })).toEqual(["merchantUserId:invalid_format"]);
    expect(codesOf({ ...valid, merchantUserId: "a\nb" })).toEqual(["merchantUserId:invalid_format"]);
    expect(codesOf({ ...valid, merchantUserId: "a\u0085b" })).toEqual(["merchantUserId:invalid_format"]);
    expect(codesOf({ ...valid, merchantUserId: "a\ud800b" })).toEqual(["merchantUserId:invalid_format"]);
    expect(codesOf({ ...valid, merchantUserId: "\udc00" })).toEqual(["merchantUserId:invalid_format"]);
    expect(codesOf({ ...valid, merchantUserId: "用户 \u{1F600} ok" })).toEqual([]);
  });
  test("never appears in a message", () => {
    const secretish = `alice@example.com${"\u0001"}`;
    for (const issue of validateFaceLivenessInput({ ...valid, merchantUserId: secretish })) {
      expect(issue.message).not.toContain("alice");
    }
  });
});

describe("productCode", () => {
  test("is optional and one of the product codes", () => {
    expect(codesOf({ ...valid, productCode: "FACE_LIVENESS_MIN" })).toEqual([]);
    expect(codesOf({ ...valid, productCode: "FACE_LIVENESS" })).toEqual(["productCode:invalid_value"]);
    expect(codesOf({ ...valid, productCode: 1 })).toEqual(["productCode:invalid_type"]);
    expect(codesOf({ ...valid, productCode: null })).toEqual(["productCode:invalid_type"]);
  });
});

describe("picture source", () => {
  const noPicture = { merchantBizId: "b", merchantUserId: "u" };
  test("none given", () => {
    expect(codesOf(noPicture)).toEqual(["facePicture:one_picture_source"]);
    expect(codesOf({ ...noPicture, facePictureUrl: "", facePictureBase64: null })).toEqual([
      "facePicture:one_picture_source",
    ]);
  });
  test("several given: the problem names them, and each is still checked", () => {
    const issues = validateFaceLivenessInput({
      ...valid,
      facePictureBase64: "@@@@",
      facePictureFile: "ftp://x/y",
    });
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      "facePicture:one_picture_source",
      "facePictureBase64:invalid_base64",
      "facePictureFile:not_https",
    ]);
    expect(issues[0]!.message).toContain("facePictureBase64, facePictureUrl, facePictureFile given");
  });
});

describe("facePictureUrl", () => {
  test("must be https", () => {
    expect(codesOf({ ...valid, facePictureUrl: "http://example.com/a.jpg" })).toEqual([
      "facePictureUrl:not_https",
    ]);
    expect(codesOf({ ...valid, facePictureUrl: "javascript:alert(1)" })).toEqual([
      "facePictureUrl:not_https",
    ]);
  });
  test("must be a valid absolute URL", () => {
    for (const url of [
      "example.com/a.jpg",
      "https://",
      "https://exa mple.com/",
      " https://example.com/",
      "https://a\n.com",
      "https://example.com/a\u0085b", // a C1 control character
      "https://example.com/\ud800", // a lone surrogate: no UTF-8 to send
    ]) {
      expect(codesOf({ ...valid, facePictureUrl: url }), url).toEqual(["facePictureUrl:invalid_format"]);
    }
    expect(codesOf({ ...valid, facePictureUrl: 5 })).toEqual(["facePictureUrl:invalid_type"]);
    expect(codesOf({ ...valid, facePictureUrl: "https://example.com/用户/\u{1F600}.jpg" })).toEqual([]);
  });
  test("is bounded in length", () => {
    const base = "https://example.com/";
    expect(
      codesOf({ ...valid, facePictureUrl: base + "a".repeat(PICTURE_URL_MAX_LENGTH - base.length) }),
    ).toEqual([]);
    expect(codesOf({ ...valid, facePictureUrl: base + "a".repeat(PICTURE_URL_MAX_LENGTH) })).toEqual([
      "facePictureUrl:too_long",
    ]);
  });
});

describe("facePictureFile", () => {
  const file = { merchantBizId: "b", merchantUserId: "u" };
  test("accepts the http URL of an uploaded object, refuses other schemes", () => {
    expect(
      codesOf({ ...file, facePictureFile: "https://bucket.oss-ap-southeast-1.aliyuncs.com/k.jpg" }),
    ).toEqual([]);
    expect(codesOf({ ...file, facePictureFile: "file:///etc/passwd" })).toEqual([
      "facePictureFile:not_https",
    ]);
    expect(codesOf({ ...file, facePictureFile: "not a url" })).toEqual(["facePictureFile:invalid_format"]);
  });
});

describe("facePictureBase64", () => {
  const base = { merchantBizId: "b", merchantUserId: "u" };
  test("must use the standard alphabet, with padding only at the end", () => {
    for (const text of ["ab-_", "ab c", "abc\n", "a=bc", "ab=c", "=abc", "YQ===", "ab==cd==", "éabc"]) {
      expect(codesOf({ ...base, facePictureBase64: text }), text).toEqual([
        "facePictureBase64:invalid_base64",
      ]);
    }
  });
  test("must have a length base64 can have", () => {
    expect(codesOf({ ...base, facePictureBase64: "abcde" })).toEqual(["facePictureBase64:invalid_base64"]);
    expect(codesOf({ ...base, facePictureBase64: "YQ=" })).toEqual(["facePictureBase64:invalid_base64"]);
    expect(codesOf({ ...base, facePictureBase64: "YQ" })).toEqual([]);
    expect(codesOf({ ...base, facePictureBase64: "YQ==" })).toEqual([]);
    expect(codesOf({ ...base, facePictureBase64: "YWI=" })).toEqual([]);
  });
  test("says to strip a data: URL prefix", () => {
    const issues = validateFaceLivenessInput({ ...base, facePictureBase64: "data:image/jpeg;base64,/9j/" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: "facePictureBase64", code: "invalid_base64" });
    expect(issues[0]!.message).toContain("data:");
  });
  test("decodes to at most 1 MB", () => {
    // 349_525 groups of four characters decode to 1_048_575 bytes; two more characters add one byte.
    const justUnder = base64OfLength(1_398_100);
    expect(codesOf({ ...base, facePictureBase64: justUnder })).toEqual([]);
    expect(codesOf({ ...base, facePictureBase64: `${justUnder}AA` })).toEqual([]); // exactly 1 MiB
    expect(codesOf({ ...base, facePictureBase64: `${justUnder}AA==` })).toEqual([]); // the same, padded
    expect(codesOf({ ...base, facePictureBase64: `${justUnder}AAA` })).toEqual([
      "facePictureBase64:too_large",
    ]);
    expect(IMAGE_LIMITS.maxBytes).toBe(1_048_576);
  });
  test("a huge input is refused by its length, reporting a bad shape too", () => {
    expect(codesOf({ ...base, facePictureBase64: "A".repeat(4_000_001) })).toEqual([
      "facePictureBase64:invalid_base64",
      "facePictureBase64:too_large",
    ]);
  });
  test("must be a string", () => {
    expect(codesOf({ ...base, facePictureBase64: new Uint8Array(4) })).toEqual([
      "facePictureBase64:invalid_type",
    ]);
  });
});

describe("switches", () => {
  test("faceQualityCheck and faceAttributeCheck are booleans", () => {
    expect(codesOf({ ...valid, faceQualityCheck: true, faceAttributeCheck: false })).toEqual([]);
    expect(codesOf({ ...valid, faceQualityCheck: "Y", faceAttributeCheck: 1 })).toEqual([
      "faceQualityCheck:invalid_type",
      "faceAttributeCheck:invalid_type",
    ]);
  });
});

test("lists every problem at once, not only the first", () => {
  expect(
    codesOf({
      merchantBizId: "bad id",
      merchantUserId: "",
      productCode: "X",
      facePictureUrl: "http://x",
      faceQualityCheck: "N",
    }),
  ).toEqual([
    "merchantBizId:invalid_format",
    "merchantUserId:required",
    "productCode:invalid_value",
    "facePictureUrl:not_https",
    "faceQualityCheck:invalid_type",
  ]);
});

test("isPictureSourceGiven treats undefined, null and the empty string as absent", () => {
  expect([undefined, null, "", "x", 0].map(isPictureSourceGiven)).toEqual([false, false, false, true, true]);
});
