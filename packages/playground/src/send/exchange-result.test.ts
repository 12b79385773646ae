import { describe, expect, test } from "vitest";
import { exchangeResult, readExchange } from "./exchange-result.js";
import { testAnswerBody as answer, testDraft as draft } from "./test-support/send-fixtures.js";

const exchange = (status: number, body: unknown, headers: [string, string][] = []) => ({
  status,
  headers,
  body,
  bodyText: JSON.stringify(body),
  attempts: 1,
  requestBytes: 10,
});

describe("readExchange", () => {
  test("a 2xx of the documented shape is the answer", () => {
    expect(readExchange(exchange(200, answer))).toEqual({
      answer: expect.objectContaining({ subCode: "200" }),
    });
  });

  test("a 2xx of another shape is a ResponseFormat failure showing the start of the body", () => {
    const { answer: none, failure } = readExchange(exchange(200, { hello: "x".repeat(400) }));
    expect(none).toBeUndefined();
    expect(failure).toMatchObject({ code: "ResponseFormat", httpStatus: 200, retryable: false });
    expect(failure?.message).toHaveLength(300);
  });

  test("an error status is explained from its body", () => {
    const body = { code: "image_rejected", message: "Landscape.", hint: "Rotate it." };
    expect(readExchange(exchange(422, body)).failure).toMatchObject({
      code: "image_rejected",
      httpStatus: 422,
    });
  });
});

describe("exchangeResult", () => {
  const base = {
    at: "2026-12-06T00:00:00.000Z",
    draft,
    proxyUrl: "http://127.0.0.1:8787",
    timings: { requestMs: 40, encodeMs: 2 },
    serverTiming: [{ name: "upstream", duration: 30 }],
    requestHeaders: [["content-type", "application/json"]] as [string, string][],
  };

  test("an answer: kind, replay flag (any header case), timeline from both sides", () => {
    const result = exchangeResult({
      ...base,
      exchange: exchange(200, answer, [["Idempotent-Replay", "true"]]),
    });
    expect(result).toMatchObject({ kind: "answer", idempotentReplay: true, proxyUrl: base.proxyUrl });
    expect(result.answer?.passed).toBe(true);
    expect(result.failure).toBeUndefined();
    expect(result.timeline.length).toBeGreaterThan(1);
  });

  test("no exchange: the given failure, an error result, no replay", () => {
    const failure = { code: "Timeout", message: "late", meaning: "m", action: "a", retryable: true };
    const result = exchangeResult({ ...base, failure });
    expect(result).toMatchObject({ kind: "error", failure, idempotentReplay: false });
    expect(result.exchange).toBeUndefined();
  });

  test("with an exchange, a given failure is ignored: the answer explains itself", () => {
    const failure = { code: "Timeout", message: "late", meaning: "m", action: "a", retryable: true };
    expect(exchangeResult({ ...base, exchange: exchange(200, answer), failure }).failure).toBeUndefined();
  });
});
