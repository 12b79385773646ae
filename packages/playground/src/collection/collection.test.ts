import { describe, expect, test } from "vitest";
import type { RequestDraft } from "../request/request-draft.js";
import { deleteRequest, duplicateRequest, readCollection, renameRequest, saveRequest } from "./collection.js";

const draft: RequestDraft = {
  merchantBizId: "abc",
  merchantUserId: "e".repeat(64),
  imageSource: "url",
  imageUrl: "https://example.com/a.jpg",
  faceQualityCheck: true,
};
const at = new Date("2026-01-02T03:04:05Z");

describe("the saved requests collection", () => {
  test("save (a default name when blank), rename, duplicate next to the original, delete", () => {
    let items = saveRequest([], draft, "  ", "a", at);
    expect(items).toEqual([{ id: "a", name: "Request 1", savedAt: at.toISOString(), draft }]);
    items = saveRequest(items, { ...draft, faceQualityCheck: false }, "Second", "b", at);
    items = renameRequest(items, "a", " Staging pass ");
    expect(items.map((item) => item.name)).toEqual(["Staging pass", "Second"]);
    expect(renameRequest(items, "a", "   ")).toEqual(items);
    items = duplicateRequest(items, "a", "c", at);
    expect(items.map((item) => [item.id, item.name])).toEqual([
      ["a", "Staging pass"],
      ["c", "Staging pass (copy)"],
      ["b", "Second"],
    ]);
    expect(items[1]?.draft).toEqual(draft);
    expect(deleteRequest(items, "a").map((item) => item.id)).toEqual(["c", "b"]);
  });

  test("reading drops broken items and garbage", () => {
    const good = saveRequest([], draft, "ok", "a", at)[0];
    expect(
      readCollection([good, { id: "x" }, null, { ...good, draft: { ...draft, imageSource: "ftp" } }]),
    ).toEqual([good]);
    expect(readCollection("nope")).toEqual([]);
  });
});
