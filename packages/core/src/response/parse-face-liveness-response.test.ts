import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { LivenessApiError, ResponseFormatError } from "../errors/index.js";
import { parseFaceLivenessResponse } from "./parse-face-liveness-response.js";

// The shape of the spec's "Response" section, with the product page's example values.
const success = {
  RequestId: "130A2C10-B9EE-4D84-88E3-5384FF0AB12C",
  Code: "Success",
  Message: "success",
  Result: {
    TransactionId: "hksb7ba1b28130d24e015d694361abcd",
    Passed: "Y",
    SubCode: "200",
    ExtFaceInfo: {
      FaceQualityScore: 88.62,
      OcclusionScore: 99.99,
      KaOcclusionScore: 100,
      IlluminationScore: 97.43,
      SharpnessScore: 60.78,
      FaceAttack: "N",
      OcclusionResult: "N",
      FaceAge: 30,
      FaceGender: "M",
    },
  },
};

function parse(body: unknown, status = 200, headers?: Record<string, string>) {
  return parseFaceLivenessResponse({
    status,
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers,
  });
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("success", () => {
  test("a passed answer becomes a typed result", () => {
    expect(parse(success)).toEqual({
      requestId: success.RequestId,
      transactionId: success.Result.TransactionId,
      passed: true,
      subCode: "200",
      face: {
        qualityScore: 88.62,
        occlusionScore: 99.99,
        keyAreaOcclusionScore: 100,
        illuminationScore: 97.43,
        sharpnessScore: 60.78,
        attack: false,
        occlusion: false,
        age: 30,
        gender: "M",
      },
    });
  });

  test("an attack (SubCode 205) is a result, not an error", () => {
    const attack = {
      ...success,
      Result: {
        ...success.Result,
        Passed: "N",
        SubCode: 205,
        ExtFaceInfo: { ...success.Result.ExtFaceInfo, FaceAttack: "Y" },
      },
    };
    const result = parse(attack);
    expect(result).toMatchObject({ passed: false, subCode: "205" });
    expect(result.face.attack).toBe(true);
  });

  test("numbers sent as strings, missing optionals and extra fields are tolerated", () => {
    const loose = {
      RequestId: "r1",
      Code: 200,
      Extra: { nested: true },
      Result: {
        TransactionId: 12345,
        Passed: "y",
        SubCode: "200",
        Unknown: "x",
        ExtFaceInfo: {
          FaceQualityScore: "88.5",
          OcclusionScore: " 99 ",
          KaOcclusionScore: "100",
          IlluminationScore: 1e1,
          SharpnessScore: "0",
          FaceAttack: false,
          FaceAge: "",
          FaceGender: "",
          NewScore: 3,
        },
      },
    };
    expect(parse(loose)).toEqual({
      requestId: "r1",
      transactionId: "12345",
      passed: true,
      subCode: "200",
      face: {
        qualityScore: 88.5,
        occlusionScore: 99,
        keyAreaOcclusionScore: 100,
        illuminationScore: 10,
        sharpnessScore: 0,
        attack: false,
      },
    });
  });

  test("ExtFaceInfo sent as a JSON text, and FaceAttributeInfo kept as text", () => {
    const info = {
      ...success.Result.ExtFaceInfo,
      FaceAttributeInfo: '{"glasses":"N"}',
      FaceAge: "41",
      FaceGender: "F",
    };
    const result = parse({ ...success, Result: { ...success.Result, ExtFaceInfo: JSON.stringify(info) } });
    expect(result.face).toMatchObject({ age: 41, gender: "F", attributes: '{"glasses":"N"}' });
  });

  test("an odd age or gender is dropped, not trusted", () => {
    const info = { ...success.Result.ExtFaceInfo, FaceAge: 30.5, FaceGender: "X" };
    const result = parse({ ...success, Result: { ...success.Result, ExtFaceInfo: info } });
    expect(result.face.age).toBeUndefined();
    expect(result.face.gender).toBeUndefined();
  });

  test("a missing RequestId or Code is tolerated when the Result is whole", () => {
    const { RequestId: _r, Code: _c, ...rest } = success;
    expect(parse(rest)).toMatchObject({ requestId: "", passed: true });
  });
});

describe("error answers", () => {
  test("a gateway error keeps HostId and Recommend and gets the table's hint", () => {
    const body = {
      RequestId: "A1B2",
      HostId: "cloudauth-intl.ap-southeast-1.aliyuncs.com",
      Code: "SignatureDoesNotMatch",
      Message: "Specified signature does not match our calculation.",
      Recommend: "https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch",
    };
    const error = thrown(() => parse(body, 400)) as LivenessApiError;
    expect(error).toBeInstanceOf(LivenessApiError);
    expect(error).toMatchObject({
      code: "SignatureDoesNotMatch",
      httpStatus: 400,
      requestId: "A1B2",
      message: body.Message,
      retryable: false,
      billed: false,
      hostId: body.HostId,
      recommend: body.Recommend,
    });
    expect(error.hint).toContain("secret");
  });

  test("a product error is typed from the table", () => {
    const error = thrown(() => parse({ RequestId: "r", Code: "NoFaceDetected", Message: "no face" }, 401));
    expect(error).toMatchObject({ code: "NoFaceDetected", httpStatus: 401, retryable: false, billed: false });
    expect((error as LivenessApiError).hostId).toBeUndefined();
  });

  test("throttling is retryable and carries x-acs-retry-after", () => {
    const error = thrown(() =>
      parse({ RequestId: "r", Code: "Throttling.Api", Message: "slow down" }, 403, {
        "X-Acs-Retry-After": "1500",
      }),
    );
    expect(error).toMatchObject({ code: "Throttling.Api", retryable: true, retryAfterMs: 1500 });
  });

  test("a 200 envelope whose Code is not Success is an error", () => {
    const error = thrown(() =>
      parse({ RequestId: "r", Code: "InvalidParameter", Message: "bad ProductCode" }),
    );
    expect(error).toBeInstanceOf(LivenessApiError);
    expect(error).toMatchObject({ code: "InvalidParameter", httpStatus: 200, retryable: false });
  });

  test("5xx is retryable, even without a code", () => {
    expect(thrown(() => parse({ RequestId: "r", Code: "InternalError" }, 500))).toMatchObject({
      retryable: true,
    });
    expect(thrown(() => parse({}, 503))).toMatchObject({
      code: "UnknownError",
      retryable: true,
      httpStatus: 503,
    });
  });

  test("a non-2xx answer with a success code is still an error", () => {
    expect(thrown(() => parse(success, 500))).toBeInstanceOf(LivenessApiError);
  });
});

describe("junk", () => {
  test.each([
    ["not JSON", "<html><body>502 Bad Gateway</body></html>", /not JSON/],
    ["empty", "", /empty/],
    ["an array", "[1,2]", /not an object/],
    ["null", "null", /not an object/],
    ["no Result", '{"Code":"Success","RequestId":"r"}', /Result is missing/],
    [
      "Passed not Y/N",
      JSON.stringify({ ...success, Result: { ...success.Result, Passed: "maybe" } }),
      /Passed/,
    ],
    ["no SubCode", JSON.stringify({ ...success, Result: { ...success.Result, SubCode: null } }), /SubCode/],
    [
      "no TransactionId",
      JSON.stringify({ ...success, Result: { ...success.Result, TransactionId: "" } }),
      /TransactionId/,
    ],
    [
      "no ExtFaceInfo",
      JSON.stringify({ ...success, Result: { ...success.Result, ExtFaceInfo: "{bad" } }),
      /ExtFaceInfo/,
    ],
    [
      "a score that is not a number",
      JSON.stringify({
        ...success,
        Result: { ...success.Result, ExtFaceInfo: { ...success.Result.ExtFaceInfo, SharpnessScore: "high" } },
      }),
      /SharpnessScore/,
    ],
    [
      "no FaceAttack",
      JSON.stringify({
        ...success,
        Result: { ...success.Result, ExtFaceInfo: { ...success.Result.ExtFaceInfo, FaceAttack: undefined } },
      }),
      /FaceAttack/,
    ],
  ])("%s gives a ResponseFormatError", (_name, body, message) => {
    const error = thrown(() => parse(body, 200)) as ResponseFormatError;
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error.code).toBe("ResponseFormatError");
    expect(error.httpStatus).toBe(200);
    expect(error.message).toMatch(message);
  });

  test("a shape error keeps the RequestId", () => {
    expect(thrown(() => parse({ RequestId: "req-9", Code: "Success" }))).toMatchObject({
      requestId: "req-9",
    });
  });

  test("a non-JSON body appears only as a short excerpt", () => {
    const body = `<html>${"x".repeat(10_000)}SECRET-TAIL</html>`;
    const error = thrown(() => parse(body, 502)) as ResponseFormatError;
    expect(error.httpStatus).toBe(502);
    expect(error.message.length).toBeLessThan(150);
    expect(error.message).not.toContain("SECRET-TAIL");
  });
});

test("property: any JSON gives a typed result or a typed error", () => {
  // Mostly well-formed values, sometimes anything: both outcomes must be reached.
  const usually = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: good, weight: 9 }, { arbitrary: bad, weight: 1 });
  const status = usually(fc.constant(200), fc.integer({ min: 100, max: 599 }));
  const score = usually(
    fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ max: 100 }).map(String)),
    fc.anything(),
  );
  const envelope = fc.record({
    RequestId: usually(fc.string(), fc.anything()),
    Code: usually(
      fc.constantFrom("Success", "200"),
      fc.oneof(fc.constantFrom("Throttling.Api", "InvalidParameter"), fc.anything()),
    ),
    Result: usually(
      fc.record({
        TransactionId: usually(fc.oneof(fc.string({ minLength: 1 }), fc.integer()), fc.anything()),
        Passed: usually(fc.constantFrom("Y", "N"), fc.anything()),
        SubCode: usually(fc.constantFrom("200", "205", 200, 205), fc.anything()),
        ExtFaceInfo: usually(
          fc.record({
            FaceQualityScore: score,
            OcclusionScore: score,
            KaOcclusionScore: score,
            IlluminationScore: score,
            SharpnessScore: score,
            FaceAttack: usually(fc.constantFrom("Y", "N"), fc.anything()),
            FaceAge: fc.anything(),
            FaceGender: fc.anything(),
            FaceAttributeInfo: fc.anything(),
          }),
          fc.anything(),
        ),
      }),
      fc.anything(),
    ),
  });
  const body = fc.oneof(
    { arbitrary: envelope.map((value) => JSON.stringify(value)), weight: 4 },
    { arbitrary: fc.json(), weight: 1 },
    { arbitrary: fc.string(), weight: 1 },
  );
  let results = 0;
  fc.assert(
    fc.property(status, body, (code, text) => {
      let result: ReturnType<typeof parseFaceLivenessResponse>;
      try {
        result = parseFaceLivenessResponse({ status: code as number, body: text });
      } catch (error) {
        expect(error instanceof LivenessApiError || error instanceof ResponseFormatError).toBe(true);
        return;
      }
      expect(typeof result.passed).toBe("boolean");
      expect(typeof result.subCode).toBe("string");
      expect(typeof result.transactionId).toBe("string");
      const { face } = result;
      for (const value of [
        face.qualityScore,
        face.occlusionScore,
        face.keyAreaOcclusionScore,
        face.illuminationScore,
      ]) {
        expect(Number.isFinite(value)).toBe(true);
      }
      expect(typeof face.attack).toBe("boolean");
      if (face.age !== undefined) expect(Number.isInteger(face.age)).toBe(true);
      if (face.gender !== undefined) expect(["M", "F"]).toContain(face.gender);
      results++;
    }),
    { numRuns: 500 },
  );
  expect(results).toBeGreaterThan(20);
  expect(results).toBeLessThan(480);
});
