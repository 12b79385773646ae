import { describe, expect, test } from "vitest";
import { createHistoryEntry } from "./history-entry.js";
import { resultFromEntry } from "./result-from-entry.js";
import { testDraft as draft, testAnswerBody } from "./test-support/send-fixtures.js";

const base = { proxyUrl: "http://127.0.0.1:8787", draft, timings: { requestMs: 50, server: [] } };

describe("resultFromEntry", () => {
  test("a stored answer comes back as the answer, with its proxy, replay flag and timeline", () => {
    const body = testAnswerBody;
    const entry = createHistoryEntry({
      ...base,
      outcome: "passed",
      summary: "Passed",
      response: { status: 200, headers: [["idempotent-replay", "true"]], body },
    });
    const result = resultFromEntry(entry);
    expect(result.kind).toBe("answer");
    expect(result.answer?.passed).toBe(true);
    expect(result.proxyUrl).toBe("http://127.0.0.1:8787");
    expect(result.idempotentReplay).toBe(true);
    expect(result.timeline.map((phase) => phase.name)).toEqual(["request (round trip)"]);
  });

  test("an error answer is explained again; no answer at all says so", () => {
    const error = createHistoryEntry({
      ...base,
      outcome: "error",
      summary: "x",
      response: {
        status: 422,
        headers: [],
        body: { code: "image_rejected", message: "Landscape.", hint: "Rotate it." },
      },
    });
    expect(resultFromEntry(error).failure).toMatchObject({ code: "image_rejected", action: "Rotate it." });
    const none = createHistoryEntry({ ...base, outcome: "error", summary: "ProxyUnreachable" });
    expect(resultFromEntry(none).failure).toMatchObject({ code: "NoAnswer", message: "ProxyUnreachable" });
  });
});
