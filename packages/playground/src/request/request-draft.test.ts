import { describe, expect, test } from "vitest";
import {
  draftFromValue,
  draftToBody,
  formatDraft,
  IMAGE_PLACEHOLDER,
  type RequestDraft,
} from "./request-draft.js";

const draft: RequestDraft = {
  merchantBizId: "abc123",
  merchantUserId: "a".repeat(64),
  imageSource: "base64",
  imageUrl: "https://example.com/face.jpg",
  faceQualityCheck: true,
};

describe("request draft", () => {
  test("the JSON shows the placeholder, never image bytes, and round-trips", () => {
    const text = formatDraft(draft);
    expect(JSON.parse(text)).toEqual({
      merchantBizId: "abc123",
      merchantUserId: "a".repeat(64),
      image: { base64: IMAGE_PLACEHOLDER },
      faceQualityCheck: true,
    });
    expect(draftFromValue(JSON.parse(text), draft)).toBe(draft);
  });

  test("the body at send time carries the base64; url mode carries the url only", () => {
    expect(draftToBody(draft, "QUJD").image).toEqual({ base64: "QUJD" });
    expect(draftToBody({ ...draft, imageSource: "url" }, "QUJD").image).toEqual({
      url: "https://example.com/face.jpg",
    });
  });

  test("an empty merchantBizId is left out so the proxy generates one", () => {
    expect("merchantBizId" in draftToBody({ ...draft, merchantBizId: "" })).toBe(false);
  });

  test("edits in the JSON update the matching fields only", () => {
    const edited = draftFromValue(
      {
        merchantBizId: "zz9",
        merchantUserId: "b".repeat(64),
        image: { url: "https://x.test/a.png" },
        faceQualityCheck: false,
      },
      draft,
    );
    expect(edited).toEqual({
      merchantBizId: "zz9",
      merchantUserId: "b".repeat(64),
      imageSource: "url",
      imageUrl: "https://x.test/a.png",
      faceQualityCheck: false,
    });
  });

  test("fields of the wrong type keep their previous values; removed optional fields reset", () => {
    expect(
      draftFromValue({ merchantBizId: 5, merchantUserId: null, image: { base64: "x", url: "y" } }, draft),
    ).toEqual({
      ...draft,
      faceQualityCheck: false,
    });
    expect(draftFromValue({ merchantUserId: "c", image: {}, faceQualityCheck: true }, draft)).toEqual({
      ...draft,
      merchantBizId: "",
      merchantUserId: "c",
    });
    expect(draftFromValue([1, 2], draft)).toBe(draft);
    expect(draftFromValue(null, draft)).toBe(draft);
  });
});
