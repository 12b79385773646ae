import { describe, expect, test } from "vitest";
import { createHistoryEntry } from "./history-entry.js";
import { filterHistory } from "./history-filter.js";

const entry = (
  merchantBizId: string,
  outcome: "passed" | "not-passed" | "error",
  summary: string,
  status = 200,
) =>
  createHistoryEntry({
    proxyUrl: "http://127.0.0.1:8787",
    draft: {
      merchantBizId,
      merchantUserId: "e".repeat(64),
      imageSource: "base64",
      imageUrl: "",
      faceQualityCheck: true,
    },
    outcome,
    summary,
    response: {
      status,
      headers: [],
      body: outcome === "error" ? { code: "UnqualifiedPhoto", message: "x" } : {},
    },
    timings: { requestMs: 10, server: [] },
  });
const all = [
  entry("AAA111", "passed", "Passed (SubCode 200)"),
  entry("BBB222", "not-passed", "Not passed (SubCode 205)"),
  entry("CCC333", "error", "UnqualifiedPhoto (HTTP 401)", 401),
];

describe("filterHistory", () => {
  test("an empty search and 'all' keep everything", () => {
    expect(filterHistory(all, "  ", "all")).toHaveLength(3);
  });

  test("every word must match the summary, MerchantBizId, code or status", () => {
    expect(filterHistory(all, "bbb", "all").map((e) => e.body.merchantBizId)).toEqual(["BBB222"]);
    expect(filterHistory(all, "unqualified 401", "all").map((e) => e.body.merchantBizId)).toEqual(["CCC333"]);
    expect(filterHistory(all, "205 aaa", "all")).toEqual([]);
  });

  test("the outcome filter", () => {
    expect(filterHistory(all, "", "error").map((e) => e.body.merchantBizId)).toEqual(["CCC333"]);
    expect(filterHistory(all, "subcode", "passed").map((e) => e.body.merchantBizId)).toEqual(["AAA111"]);
  });
});
