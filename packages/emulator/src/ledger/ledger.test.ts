import { describe, expect, it } from "vitest";
import { Ledger, type LedgerEntry } from "./ledger.js";

function entry(merchantBizId: string, subCode: "200" | "205"): LedgerEntry {
  return {
    requestId: "R",
    transactionId: "T",
    merchantBizId,
    merchantUserId: "u-hash",
    productCode: "FACE_LIVENESS_MIN_PRO",
    result: subCode === "200" ? "Y" : "N",
    subCode,
    region: "ap-southeast-1",
    accessKeyId: "k",
    time: "2025-01-01T00:00:00.000Z",
  };
}

describe("Ledger", () => {
  it("records billed calls and counts them, per MerchantBizId too", () => {
    const ledger = new Ledger();
    ledger.record(entry("a", "200"));
    ledger.record(entry("a", "205"));
    ledger.record(entry("b", "200"));
    expect(ledger.summary()).toEqual({ billed: 3, passed: 2, risk: 1 });
    expect(ledger.summary({ merchantBizId: "a" })).toEqual({ billed: 2, passed: 1, risk: 1 });
    expect(ledger.entries({ merchantBizId: "b" }).map((e) => e.subCode)).toEqual(["200"]);
    expect(ledger.entries({ merchantUserId: "u-hash" })).toHaveLength(3);
  });

  it("keeps totals when old entries are dropped, and clears", () => {
    const ledger = new Ledger({ maxEntries: 2 });
    for (const id of ["a", "b", "c"]) ledger.record(entry(id, "200"));
    expect(ledger.entries().map((e) => e.merchantBizId)).toEqual(["b", "c"]);
    expect(ledger.summary().billed).toBe(3);
    ledger.clear();
    expect(ledger.summary()).toEqual({ billed: 0, passed: 0, risk: 0 });
    expect(ledger.entries()).toEqual([]);
  });

  it("hands out copies, so callers cannot change the ledger", () => {
    const ledger = new Ledger();
    ledger.record(entry("a", "200"));
    const [first] = ledger.entries();
    if (first) first.merchantBizId = "changed";
    expect(ledger.entries()[0]?.merchantBizId).toBe("a");
  });
});
