import { describe, expect, it } from "vitest";
import { CallLog, type CallRecord } from "./call-log.js";

function call(code: string, merchantBizId?: string): CallRecord {
  return {
    requestId: "R",
    time: "2025-01-01T00:00:00.000Z",
    action: "FaceLivenessV2",
    ...(merchantBizId ? { merchantBizId } : {}),
    httpStatus: code === "Success" ? 200 : 503,
    code,
    billed: code === "Success",
    durationMs: 1,
  };
}

describe("CallLog", () => {
  it("lists and counts calls by code, with filters", () => {
    const log = new CallLog();
    log.record(call("ServiceUnavailable", "a"));
    log.record(call("ServiceUnavailable", "a"));
    log.record(call("Success", "a"));
    log.record(call("Success", "b"));
    expect(log.countByCode({ merchantBizId: "a" })).toEqual({ ServiceUnavailable: 2, Success: 1 });
    expect(log.list({ code: "Success" })).toHaveLength(2);
    expect(log.list({ action: "AuthorizeFileUpload" })).toHaveLength(0);
  });

  it("is bounded and clears", () => {
    const log = new CallLog({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) log.record(call("Success", id));
    expect(log.list().map((c) => c.merchantBizId)).toEqual(["b", "c"]);
    log.clear();
    expect(log.list()).toEqual([]);
  });
});
