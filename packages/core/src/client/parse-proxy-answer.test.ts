import { describe, expect, test } from "vitest";
import { LivenessApiError, ResponseFormatError } from "../errors/index.js";
import { parseProxyAnswer } from "./parse-proxy-answer.js";

const result = {
  requestId: "p-1",
  transactionId: "t-1",
  passed: true,
  subCode: "200",
  face: {
    qualityScore: 90,
    occlusionScore: 99,
    keyAreaOcclusionScore: 100,
    illuminationScore: 97,
    sharpnessScore: 61,
    attack: false,
    age: 30,
    gender: "F",
    extra: "ignored",
  },
  extra: true,
};

function answer(status: number, body: unknown, headers?: Record<string, string>) {
  return parseProxyAnswer({ status, body: typeof body === "string" ? body : JSON.stringify(body), headers });
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
  test("reads a FaceLivenessResult, extra fields passed through", () => {
    expect(answer(200, result)).toEqual(result);
    const { requestId: _r, ...noRequestId } = result;
    expect(answer(200, noRequestId).requestId).toBe("");
  });

  test("keeps the proxy's receipt for the app's server", () => {
    expect(answer(200, { ...result, receipt: "h.p.s" }).receipt).toBe("h.p.s");
  });

  test("refuses Alibaba's raw envelope: the proxy answers the typed result", () => {
    const envelope = {
      RequestId: "r",
      Code: "Success",
      Result: { TransactionId: "t", Passed: "Y", SubCode: "200" },
    };
    expect(thrown(() => answer(200, envelope))).toBeInstanceOf(ResponseFormatError);
  });

  test("refuses a 2xx that is not a result", () => {
    for (const body of [
      "not json",
      "[]",
      { ...result, passed: "Y" },
      { ...result, face: { ...result.face, sharpnessScore: "1" } },
      { ...result, face: null },
      { ...result, face: { ...result.face, attack: "N" } },
    ]) {
      expect(thrown(() => answer(200, body))).toBeInstanceOf(ResponseFormatError);
    }
    expect(thrown(() => answer(200, { ...result, subCode: 200 }))).toMatchObject({ requestId: "p-1" });
  });
});

describe("errors", () => {
  test("maps the proxy's { code, message, requestId, retryable }", () => {
    const error = thrown(() =>
      answer(
        429,
        { code: "RateLimited", message: "slow down", requestId: "p-2", retryable: true },
        { "retry-after": "3" },
      ),
    );
    expect(error).toBeInstanceOf(LivenessApiError);
    expect(error).toMatchObject({
      code: "RateLimited",
      message: "slow down",
      requestId: "p-2",
      httpStatus: 429,
      retryable: true,
      retryAfterMs: 3000,
    });
  });

  test("keeps the proxy's hint and billed flag, and clips a long message", () => {
    const body = {
      code: "NoFaceDetected",
      message: "m".repeat(1000),
      requestId: "p-3",
      hint: "Send a front-facing photo.",
      billed: false,
    };
    const error = thrown(() => answer(401, body)) as LivenessApiError;
    expect(error).toMatchObject({ retryable: false, billed: false, hint: "Send a front-facing photo." });
    expect(error.message).toHaveLength(300);
  });

  test("without a retryable flag, 5xx and 429 are retryable and other statuses are not", () => {
    expect(thrown(() => answer(429, { code: "RateLimited" }))).toMatchObject({ retryable: true, hint: "" });
    expect(thrown(() => answer(503, {}))).toMatchObject({ retryable: true, code: "UnknownError" });
    expect(thrown(() => answer(403, { code: "Forbidden" }))).toMatchObject({ retryable: false });
  });

  test("an error page that is not JSON still gives a typed, retryable 5xx error", () => {
    expect(thrown(() => answer(502, "<html>Bad Gateway</html>"))).toMatchObject({
      code: "UnknownError",
      httpStatus: 502,
      retryable: true,
    });
  });
});
