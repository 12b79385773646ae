import { describe, expect, test } from "vitest";
import type { PickedImage } from "../image/picked-image.js";
import { historyRecord } from "./history-record.js";
import type { SendResult } from "./send-result.js";
import { testDraft as draft } from "./test-support/send-fixtures.js";

const image = {
  thumbnail: "data:image/jpeg;base64,AAAA",
  compressed: {
    bytes: new Uint8Array(1234),
    width: 720,
    height: 960,
    preflight: { report: { info: { format: "jpeg" } } },
  },
} as unknown as PickedImage;
const result: SendResult = {
  at: "2026-12-06T00:00:00.000Z",
  draft,
  kind: "answer",
  exchange: {
    status: 200,
    headers: [["x-request-id", "r1"]],
    body: { ok: 1 },
    bodyText: "",
    attempts: 2,
    requestBytes: 9,
  },
  answer: { passed: true, subCode: "200" } as SendResult["answer"],
  timings: { requestMs: 40, encodeMs: 1 },
  serverTiming: [{ name: "upstream", duration: 30 }],
  timeline: [],
  requestHeaders: [],
  idempotentReplay: false,
};

describe("historyRecord", () => {
  test("keeps the request, the answer, the image's facts and the timings, never the image bytes", () => {
    const entry = historyRecord(result, image, { proxyUrl: "http://p", keepThumbnails: false });
    expect(entry).toMatchObject({
      proxyUrl: "http://p",
      outcome: "passed",
      summary: "Passed (SubCode 200)",
      image: { bytes: 1234, width: 720, height: 960, format: "jpeg" },
      response: { status: 200, headers: [["x-request-id", "r1"]], body: { ok: 1 } },
      timings: { requestMs: 40, encodeMs: 1, server: [{ name: "upstream", duration: 30 }], attempts: 2 },
    });
    expect(entry.thumbnail).toBeUndefined();
    expect(JSON.stringify(entry)).not.toContain("AAAA");
  });

  test("keeps the face thumbnail only when the developer turned that on", () => {
    expect(historyRecord(result, image, { proxyUrl: "http://p", keepThumbnails: true }).thumbnail).toBe(
      "data:image/jpeg;base64,AAAA",
    );
  });

  test("a send without an answer is an error entry without a response", () => {
    const failure = { code: "Timeout", message: "m", meaning: "m", action: "a", retryable: true };
    const { exchange: _, answer: __, ...rest } = result;
    const entry = historyRecord({ ...rest, kind: "error", failure }, undefined, {
      proxyUrl: "http://p",
      keepThumbnails: true,
    });
    expect(entry).toMatchObject({ outcome: "error", summary: "Timeout" });
    expect(entry.response).toBeUndefined();
    expect(entry.image).toBeUndefined();
  });
});
