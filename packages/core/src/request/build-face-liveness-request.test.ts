import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ValidationError } from "../errors/index.js";
import {
  buildFaceLivenessRequest,
  buildFaceLivenessRequestFromBytes,
} from "./build-face-liveness-request.js";
import type { FaceLivenessInput } from "./face-liveness-input.js";
import { validateFaceLivenessInput } from "./validate-face-liveness-input.js";

const ids = { merchantBizId: "e0c34a77f5ac40a5aa5e6ed20c35abcd", merchantUserId: "9f86d081884c7d65" };

describe("the official SDK's split", () => {
  test("base64 mode: every parameter in the query, the image alone in a querystring-encoded form body", () => {
    const request = buildFaceLivenessRequest({
      ...ids,
      facePictureBase64: "/9j/4A+Q+w==",
      faceQualityCheck: true,
    });
    expect(request).toEqual({
      action: "FaceLivenessV2",
      version: "2022-08-09",
      query: {
        FaceQualityCheck: "Y",
        MerchantBizId: ids.merchantBizId,
        MerchantUserId: ids.merchantUserId,
        ProductCode: "FACE_LIVENESS_MIN_PRO",
      },
      form: { FacePictureBase64: "/9j/4A+Q+w==" },
      // What Node's querystring.stringify({ FacePictureBase64: "/9j/4A+Q+w==" }) prints, as bytes and as text.
      bodyBytes: new TextEncoder().encode("FacePictureBase64=%2F9j%2F4A%2BQ%2Bw%3D%3D"),
      body: "FacePictureBase64=%2F9j%2F4A%2BQ%2Bw%3D%3D",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(request.bodyBytes).toBeInstanceOf(Uint8Array);
  });

  test("base64 mode: the text body is made from the bytes once, when first read", () => {
    const request = buildFaceLivenessRequest({ ...ids, facePictureBase64: "ab+/" });
    const first = request.body;
    expect(first).toBe("FacePictureBase64=ab%2B%2F");
    expect(request.body).toBe(first);
    expect(new TextDecoder().decode(request.bodyBytes)).toBe(first);
  });

  test("URL mode: the URL in the query, no body", () => {
    const request = buildFaceLivenessRequest({
      ...ids,
      facePictureUrl: "https://example.com/a%20b.jpg?x=1",
      faceQualityCheck: false,
      faceAttributeCheck: true,
      productCode: "FACE_LIVENESS_MIN",
    });
    expect(request.query).toEqual({
      FaceAttributeCheck: "Y",
      FacePictureUrl: "https://example.com/a%20b.jpg?x=1",
      FaceQualityCheck: "N",
      MerchantBizId: ids.merchantBizId,
      MerchantUserId: ids.merchantUserId,
      ProductCode: "FACE_LIVENESS_MIN",
    });
    expect(request.form).toBeUndefined();
    expect(request.body).toBeUndefined();
    expect(request.bodyBytes).toBeUndefined();
    expect(request.contentType).toBeUndefined();
  });

  test("file mode: the object URL as FacePictureFile, in the SDK's alphabetical order", () => {
    const request = buildFaceLivenessRequest({
      ...ids,
      facePictureFile: "http://bucket.oss.example.com/k.jpg",
    });
    expect(Object.keys(request.query)).toEqual([
      "FacePictureFile",
      "MerchantBizId",
      "MerchantUserId",
      "ProductCode",
    ]);
    expect(request.body).toBeUndefined();
  });

  test("leaves out switches that were not given, and empty picture fields", () => {
    const request = buildFaceLivenessRequest({ ...ids, facePictureUrl: "", facePictureBase64: "YWJj" });
    expect(Object.keys(request.query)).toEqual(["MerchantBizId", "MerchantUserId", "ProductCode"]);
    expect(request.body).toBe("FacePictureBase64=YWJj");
  });
});

test("refuses a character outside the base64 alphabet with the same report as validateFaceLivenessInput", () => {
  for (const input of [
    { ...ids, facePictureBase64: "ab-_" },
    { ...ids, facePictureBase64: `${"QUJD".repeat(50)}é` },
    { ...ids, merchantBizId: "bad id", facePictureBase64: "ab c" },
  ]) {
    let caught: unknown;
    try {
      buildFaceLivenessRequest(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).issues).toEqual(validateFaceLivenessInput(input));
    expect((caught as ValidationError).issues.map((issue) => issue.code)).toContain("invalid_base64");
  }
});

test("throws one ValidationError that lists every problem", () => {
  let caught: unknown;
  try {
    buildFaceLivenessRequest({ merchantBizId: "", merchantUserId: "", facePictureUrl: "http://x" });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect(error.code).toBe("ValidationError");
  expect(error.issues.map((issue) => issue.code)).toEqual(["required", "required", "not_https"]);
  expect(error.message).toContain("merchantBizId");
  expect(error.message).toContain("facePictureUrl");
});

// Generators: anything at all, valid inputs, and valid inputs with one field replaced by anything.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.object());
const base64Ish = fc.string({ unit: fc.constantFrom(..."AZaz09+/= -_\né"), maxLength: 24 });
const wild = fc.record(
  {
    merchantBizId: fc.oneof(fc.string({ maxLength: 40 }), anyValue),
    merchantUserId: fc.oneof(fc.string({ maxLength: 140 }), anyValue),
    productCode: maybe(fc.oneof(fc.constantFrom("FACE_LIVENESS_MIN_PRO", "FACE_LIVENESS_MIN"), anyValue)),
    facePictureBase64: maybe(fc.oneof(base64Ish, anyValue)),
    facePictureUrl: maybe(fc.oneof(fc.webUrl(), fc.string(), anyValue)),
    facePictureFile: maybe(fc.oneof(fc.webUrl(), anyValue)),
    faceQualityCheck: maybe(fc.oneof(fc.boolean(), anyValue)),
    faceAttributeCheck: maybe(fc.oneof(fc.boolean(), anyValue)),
  },
  { requiredKeys: [] },
);
const picture = fc.oneof(
  fc.record({ facePictureBase64: fc.base64String({ minLength: 4, maxLength: 64 }) }),
  fc.record({ facePictureUrl: fc.webUrl({ validSchemes: ["https"] }) }),
  fc.record({ facePictureFile: fc.webUrl({ validSchemes: ["http", "https"] }) }),
);
const valid = fc
  .tuple(
    fc.record({
      merchantBizId: fc.stringMatching(/^[A-Za-z0-9]{1,32}$/),
      merchantUserId: fc.stringMatching(/^[\w@.+-]{1,64}$/),
      productCode: maybe(fc.constantFrom("FACE_LIVENESS_MIN_PRO", "FACE_LIVENESS_MIN")),
      faceQualityCheck: maybe(fc.boolean()),
    }),
    picture,
  )
  .map(([fields, source]) => ({ ...fields, ...source }));
// A valid input with one field replaced by anything: the edges between accepted and refused.
const nearlyValid = fc
  .tuple(
    valid,
    fc.constantFrom("merchantBizId", "merchantUserId", "productCode", "facePictureUrl", "faceQualityCheck"),
    anyValue,
  )
  .map(([fields, key, value]) => ({ ...fields, [key]: value }));
const input = fc.oneof(valid, nearlyValid, wild);

test("property: any input gives a valid request or a ValidationError, never another exception", () => {
  let built = 0;
  fc.assert(
    fc.property(input, (candidate) => {
      let request: ReturnType<typeof buildFaceLivenessRequest>;
      try {
        request = buildFaceLivenessRequest(candidate as FaceLivenessInput);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.length).toBeGreaterThan(0);
        return;
      }
      // A request that was built keeps the rules: ids as given, exactly one picture source, Y/N switches.
      expect(request.query.MerchantBizId).toMatch(/^[A-Za-z0-9]{1,32}$/);
      expect(request.query.MerchantUserId).toBe(candidate.merchantUserId);
      const sources = [
        request.query.FacePictureUrl,
        request.query.FacePictureFile,
        request.form?.FacePictureBase64,
      ];
      expect(sources.filter((source) => source !== undefined)).toHaveLength(1);
      for (const name of ["FaceQualityCheck", "FaceAttributeCheck"]) {
        if (name in request.query) expect(request.query[name]).toMatch(/^[YN]$/);
      }
      if (request.form) {
        const body = `FacePictureBase64=${encodeURIComponent(request.form.FacePictureBase64)}`;
        expect(new TextDecoder().decode(request.bodyBytes)).toBe(body);
        expect(request.body).toBe(body);
      }
      built++;
    }),
    { numRuns: 500 },
  );
  // The generators must reach both outcomes, or the property says little.
  expect(built).toBeGreaterThan(100);
  expect(built).toBeLessThan(450);
});

test("property: every input that keeps the rules is accepted", () => {
  fc.assert(
    fc.property(valid, (candidate) => {
      expect(() => buildFaceLivenessRequest(candidate as FaceLivenessInput)).not.toThrow();
    }),
    { numRuns: 200 },
  );
});

describe("buildFaceLivenessRequestFromBytes", () => {
  const issuesOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((issue) => `${issue.field}:${issue.code}`);
    }
    return [];
  };

  test("gives the request buildFaceLivenessRequest gives for the bytes' standard base64", () => {
    const picture = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x0f, 0x90, 0xfb]);
    const request = buildFaceLivenessRequestFromBytes({ ...ids, faceQualityCheck: true }, picture);
    const fromText = buildFaceLivenessRequest({
      ...ids,
      facePictureBase64: "/9j/4A+Q+w==",
      faceQualityCheck: true,
    });
    expect(request.bodyBytes).toEqual(fromText.bodyBytes);
    expect(request).toEqual(fromText);
    expect(request.form?.FacePictureBase64).toBe("/9j/4A+Q+w==");
  });

  test("property: the same request as from the base64, for any bytes and input", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.boolean(), (bytes, quality) => {
        const input = { ...ids, faceQualityCheck: quality };
        let binary = "";
        for (const byte of bytes) binary += String.fromCharCode(byte);
        const fromText = buildFaceLivenessRequest({ ...input, facePictureBase64: btoa(binary) });
        expect(buildFaceLivenessRequestFromBytes(input, bytes)).toEqual(fromText);
      }),
      { numRuns: 300 },
    );
  });

  test("takes the caller's base64 of the bytes as it is when it is canonical, and encodes the bytes when it is not", () => {
    const picture = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x0f, 0x90, 0xfb]);
    const fromBytes = buildFaceLivenessRequestFromBytes(ids, picture);
    expect(buildFaceLivenessRequestFromBytes(ids, picture, { base64: "/9j/4A+Q+w==" })).toEqual(fromBytes);
    // Texts that decode to the same bytes but are not canonical: the bytes are encoded.
    for (const text of ["/9j/4A+Q+w", "/9j/4A+Q+x=="]) {
      expect(buildFaceLivenessRequestFromBytes(ids, picture, { base64: text })).toEqual(fromBytes);
    }
    // The text is not checked against the bytes beyond that (the caller decoded them from it): it is what is sent.
    const zeros = new Uint8Array([0, 0, 0, 0xff, 0xd8, 0xff]);
    const sent = buildFaceLivenessRequestFromBytes(ids, zeros, { base64: "BBBB/9j/" });
    expect(new TextDecoder().decode(sent.bodyBytes)).toBe("FacePictureBase64=BBBB%2F9j%2F");
  });

  test("property: the same request from the bytes with their canonical base64 as from the bytes alone", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        let binary = "";
        for (const byte of bytes) binary += String.fromCharCode(byte);
        expect(buildFaceLivenessRequestFromBytes(ids, bytes, { base64: btoa(binary) })).toEqual(
          buildFaceLivenessRequestFromBytes(ids, bytes),
        );
      }),
      { numRuns: 300 },
    );
  });

  test("refuses empty or oversized bytes, another picture source, and what buildFaceLivenessRequest refuses", () => {
    const one = new Uint8Array(1);
    expect(issuesOf(() => buildFaceLivenessRequestFromBytes(ids, new Uint8Array(0)))).toEqual([
      "pictureBytes:required",
    ]);
    expect(issuesOf(() => buildFaceLivenessRequestFromBytes(ids, new Uint8Array(1_048_577)))).toEqual([
      "pictureBytes:too_large",
    ]);
    expect(issuesOf(() => buildFaceLivenessRequestFromBytes(ids, new Uint8Array(1_048_576)))).toEqual([]);
    expect(
      issuesOf(() =>
        buildFaceLivenessRequestFromBytes({ ...ids, facePictureUrl: "https://x.example/a.jpg" }, one),
      ),
    ).toEqual(["facePicture:one_picture_source"]);
    expect(
      issuesOf(() =>
        buildFaceLivenessRequestFromBytes({ ...ids, merchantBizId: "no spaces", merchantUserId: "" }, one),
      ),
    ).toEqual(["merchantBizId:invalid_format", "merchantUserId:required"]);
    expect(issuesOf(() => buildFaceLivenessRequestFromBytes(null as never, "x" as never))).toEqual([
      "input:invalid_type",
      "pictureBytes:required",
    ]);
  });
});
