import { describe, expect, it } from "vitest";
import { ScenarioBook } from "./scenario-book.js";

describe("ScenarioBook", () => {
  it("prefers the MerchantBizId rule over the MerchantUserId rule", () => {
    const book = new ScenarioBook();
    book.set({ merchantBizId: "biz1" }, { outcome: "attack", latencyMs: 0 });
    book.set({ merchantUserId: "user1" }, { outcome: "503", latencyMs: 0 });
    expect(book.takeKeyed("biz1", "user1")?.outcome).toBe("attack");
    expect(book.takeKeyed("biz2", "user1")?.outcome).toBe("503");
    expect(book.takeKeyed("biz2", "user2")).toBeUndefined();
  });

  it("uses up a rule with times", () => {
    const book = new ScenarioBook();
    book.set({ merchantBizId: "b" }, { outcome: "500", latencyMs: 0, times: 2 });
    expect(book.takeKeyed("b", undefined)?.times).toBe(2);
    expect(book.takeKeyed("b", undefined)?.times).toBe(1);
    expect(book.takeKeyed("b", undefined)).toBeUndefined();
    book.set({}, { outcome: "drop", latencyMs: 0, times: 1 });
    expect(book.takeDefault()?.outcome).toBe("drop");
    expect(book.takeDefault()).toBeUndefined();
  });

  it("lists, deletes and clears", () => {
    const book = new ScenarioBook();
    book.set({}, { outcome: "latency", latencyMs: 10 });
    book.set({ merchantUserId: "u" }, { outcome: "hang", latencyMs: 0 });
    expect(book.list()).toEqual({
      default: { outcome: "latency", latencyMs: 10 },
      byMerchantBizId: {},
      byMerchantUserId: { u: { outcome: "hang", latencyMs: 0 } },
    });
    expect(book.delete({ merchantUserId: "u" })).toBe(true);
    expect(book.delete({ merchantUserId: "u" })).toBe(false);
    expect(book.delete({})).toBe(true);
    book.set({ merchantBizId: "b" }, { outcome: "pass", latencyMs: 0 });
    book.clear();
    expect(book.list()).toEqual({ default: null, byMerchantBizId: {}, byMerchantUserId: {} });
  });

  it("refuses keyed rules beyond maxRules but may replace existing ones", () => {
    const book = new ScenarioBook({ maxRules: 1 });
    expect(book.set({ merchantBizId: "a" }, { outcome: "pass", latencyMs: 0 })).toBe(true);
    expect(book.set({ merchantBizId: "b" }, { outcome: "pass", latencyMs: 0 })).toBe(false);
    expect(book.set({ merchantBizId: "a" }, { outcome: "attack", latencyMs: 0 })).toBe(true);
    expect(book.set({}, { outcome: "attack", latencyMs: 0 })).toBe(true);
  });
});
