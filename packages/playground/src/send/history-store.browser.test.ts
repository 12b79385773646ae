import { afterEach, describe, expect, test } from "vitest";
import type { RequestDraft } from "../request/request-draft.js";
import { createHistoryEntry } from "./history-entry.js";
import { type HistoryStore, openHistoryStore } from "./history-store.js";

const draft: RequestDraft = {
  merchantBizId: "biz",
  merchantUserId: "b".repeat(64),
  imageSource: "base64",
  imageUrl: "",
  faceQualityCheck: true,
};
const entry = (summary: string) =>
  createHistoryEntry({
    proxyUrl: "http://127.0.0.1:8787",
    draft,
    outcome: "passed",
    summary,
    timings: { requestMs: 5, server: [] },
  });

let store: HistoryStore | undefined;
let name = "";
afterEach(async () => {
  store?.close();
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = resolve;
  });
});

describe("history store (real IndexedDB)", () => {
  test("adds, lists newest first, gets, deletes and clears", async () => {
    name = `test-${crypto.randomUUID()}`;
    store = await openHistoryStore(name);
    const first = await store.add(entry("first"));
    const second = await store.add(entry("second"));
    expect(second).toBeGreaterThan(first);
    expect((await store.list()).map((e) => [e.id, e.summary])).toEqual([
      [second, "second"],
      [first, "first"],
    ]);
    expect((await store.get(first))?.body).toEqual({
      merchantBizId: "biz",
      merchantUserId: "b".repeat(64),
      image: { base64: "<image>" },
      faceQualityCheck: true,
    });
    await store.delete(first);
    expect((await store.list()).map((e) => e.summary)).toEqual(["second"]);
    await store.clear();
    expect(await store.list()).toEqual([]);
  });

  test("keeps only the newest entries beyond the limit, and survives reopening", async () => {
    name = `test-${crypto.randomUUID()}`;
    store = await openHistoryStore(name, 3);
    for (const label of ["a", "b", "c", "d", "e"]) await store.add(entry(label));
    expect((await store.list()).map((e) => e.summary)).toEqual(["e", "d", "c"]);
    store.close();
    store = await openHistoryStore(name, 3);
    expect((await store.list()).map((e) => e.summary)).toEqual(["e", "d", "c"]);
  });

  test("drops every stored thumbnail and keeps the rest of each entry", async () => {
    name = `test-${crypto.randomUUID()}`;
    store = await openHistoryStore(name);
    const thumbnail = "data:image/jpeg;base64,/9j/AAAA";
    await store.add({ ...entry("with"), thumbnail });
    await store.add(entry("without"));
    expect((await store.list()).map((e) => Boolean(e.thumbnail))).toEqual([false, true]);
    expect(await store.dropThumbnails()).toBe(1);
    const after = await store.list();
    expect(after.map((e) => [e.summary, "thumbnail" in e])).toEqual([
      ["without", false],
      ["with", false],
    ]);
    expect(await store.dropThumbnails()).toBe(0);
  });
});
