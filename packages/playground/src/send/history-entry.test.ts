import { describe, expect, test } from "vitest";
import type { RequestDraft } from "../request/request-draft.js";
import { createHistoryEntry, exportHistory, MAX_THUMBNAIL_CHARS } from "./history-entry.js";

const draft: RequestDraft = {
  merchantBizId: "biz1",
  merchantUserId: "a".repeat(64),
  imageSource: "base64",
  imageUrl: "",
  faceQualityCheck: false,
};

describe("createHistoryEntry", () => {
  test("keeps the request with the image as a placeholder, the answer and the timings", () => {
    const entry = createHistoryEntry({
      createdAt: new Date("2026-01-02T03:04:05Z"),
      proxyUrl: "http://127.0.0.1:8787",
      draft,
      image: { bytes: 123_456, width: 720, height: 960, format: "jpeg" },
      outcome: "passed",
      summary: "Passed (200)",
      response: { status: 200, headers: [["x-request-id", "r"]], body: { passed: true } },
      timings: { requestMs: 120, server: [{ name: "upstream", duration: 100 }] },
    });
    expect(entry.createdAt).toBe("2026-01-02T03:04:05.000Z");
    expect(entry.body).toEqual({
      merchantBizId: "biz1",
      merchantUserId: "a".repeat(64),
      image: { base64: "<image>" },
      faceQualityCheck: false,
    });
    expect(entry.image?.bytes).toBe(123_456);
  });

  test("never stores image bytes, even when handed a body or a big thumbnail", () => {
    const base64 = "/9j/4AAQSkZJRgABAQ".repeat(100);
    const entry = createHistoryEntry({
      proxyUrl: "http://x",
      draft,
      outcome: "error",
      summary: "x",
      timings: { requestMs: 1, server: [] },
      thumbnail: `data:image/jpeg;base64,${base64.repeat(10)}`,
      // A caller that passes a body is ignored: the body is rebuilt from the draft.
      ...({ body: { image: { base64 } } } as object),
    });
    expect(JSON.stringify(entry)).not.toContain(base64);
    expect(entry.thumbnail).toBeUndefined();
  });

  test("keeps a small image thumbnail, and only an image data URL", () => {
    const small = `data:image/jpeg;base64,${"A".repeat(MAX_THUMBNAIL_CHARS - 100)}`;
    const base = {
      proxyUrl: "x",
      draft,
      outcome: "passed" as const,
      summary: "",
      timings: { requestMs: 1, server: [] },
    };
    expect(createHistoryEntry({ ...base, thumbnail: small }).thumbnail).toBe(small);
    expect(createHistoryEntry({ ...base, thumbnail: "javascript:alert(1)" }).thumbnail).toBeUndefined();
  });
});

describe("exportHistory", () => {
  test("is a versioned JSON document holding the entries", () => {
    const entry = createHistoryEntry({
      proxyUrl: "x",
      draft,
      outcome: "passed",
      summary: "",
      timings: { requestMs: 1, server: [] },
    });
    const parsed = JSON.parse(exportHistory([entry], new Date(0)));
    expect(parsed).toMatchObject({
      format: "liveness-kit-playground-history",
      version: 1,
      exportedAt: "1970-01-01T00:00:00.000Z",
    });
    expect(parsed.entries).toEqual([JSON.parse(JSON.stringify(entry))]);
  });
});
