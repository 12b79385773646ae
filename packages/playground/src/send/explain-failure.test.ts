import { describeApiError } from "@liveness-kit/core/spec";
import { describe, expect, test } from "vitest";
import { explainErrorAnswer, explainNoAnswer } from "./explain-failure.js";

describe("explainErrorAnswer", () => {
  test("an Alibaba code relayed by the proxy is explained from core's table", () => {
    const body = { code: "NoFaceDetected", message: "no face", requestId: "r-1", retryable: false };
    const explained = explainErrorAnswer(401, body, JSON.stringify(body));
    expect(explained).toMatchObject({
      code: "NoFaceDetected",
      httpStatus: 401,
      requestId: "r-1",
      retryable: false,
    });
    const row = describeApiError("NoFaceDetected");
    expect(row.source).toBe("product");
    expect(explained.meaning).toBe(row.meaning);
    expect(explained.action).toBe(row.action);
  });

  test("a proxy code unknown to core is explained by its status", () => {
    const body = { code: "unauthorized", message: "bad key", requestId: "r-2", retryable: false };
    expect(explainErrorAnswer(401, body, "")).toMatchObject({
      code: "unauthorized",
      meaning: "the proxy did not accept the caller key",
      action: expect.stringContaining("Caller key"),
    });
    const limited = explainErrorAnswer(429, { code: "rate_limited", message: "slow", retryable: true }, "");
    expect(limited).toMatchObject({ retryable: true, action: expect.stringContaining("Retry-After") });
  });

  test("details (core's image report) are passed through", () => {
    const details = { problems: [{ code: "not_portrait" }] };
    expect(explainErrorAnswer(422, { code: "invalid_image", message: "x", details }, "").details).toEqual(
      details,
    );
  });

  test("a body that is not the proxy's error shape says so and shows the start of the text", () => {
    const explained = explainErrorAnswer(502, undefined, "<html>Bad gateway</html>");
    expect(explained).toMatchObject({
      code: "NotJson",
      httpStatus: 502,
      message: "<html>Bad gateway</html>",
      retryable: true,
    });
  });
});

describe("explainNoAnswer", () => {
  test("says the proxy is down when /healthz does not answer either", () => {
    const explained = explainNoAnswer("network", "http://127.0.0.1:8787", { reachable: false, up: false });
    expect(explained.code).toBe("ProxyUnreachable");
    expect(explained.message).toContain("the proxy is down");
    expect(explained.action).toContain("npm start");
  });

  test("says the proxy is up when /healthz answers, pointing at CORS or a dropped connection", () => {
    const explained = explainNoAnswer("network", "http://127.0.0.1:8787", { reachable: true, up: true });
    expect(explained.code).toBe("RequestBlocked");
    expect(explained.message).toContain("is up");
    expect(explained.meaning).toContain("CORS");
  });

  test("a proxy that refuses this origin is told apart from one that is down", () => {
    const explained = explainNoAnswer("network", "http://127.0.0.1:8787", {
      reachable: true,
      up: false,
      corsBlocked: true,
    });
    expect(explained.code).toBe("OriginNotAllowed");
    expect(explained.message).toContain("is up");
    expect(explained.action).toContain("ALLOWED_ORIGINS");
  });

  test("a timeout is told apart from a refused connection", () => {
    expect(explainNoAnswer("timeout", "http://x", { reachable: true, up: true })).toMatchObject({
      code: "Timeout",
      meaning: "the proxy is up, but this request took too long",
    });
  });
});

describe("the proxy's hint and UnqualifiedPhoto", () => {
  test("the proxy's hint is the action, not a generic line", () => {
    const body = {
      code: "invalid_image",
      message: "The image is landscape.",
      hint: "Rotate it to portrait (taller than wide), then send it again.",
      requestId: "r-9",
    };
    expect(explainErrorAnswer(422, body, "").action).toBe(body.hint);
  });

  test("UnqualifiedPhoto's meaning does not repeat the message, and the action says how to read the scores", () => {
    const body = {
      code: "UnqualifiedPhoto",
      message: "Alibaba Cloud refused the call: unusable photo.",
      hint: "Send a sharp, unobstructed portrait.",
    };
    const explained = explainErrorAnswer(401, body, "");
    expect(explained.meaning).not.toBe(body.message);
    expect(explained.meaning).toContain("SharpnessScore");
    expect(explained.action).toContain(body.hint);
    expect(explained.action).toContain("FaceQualityCheck off");
  });
});
