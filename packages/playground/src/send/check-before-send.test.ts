import { describe, expect, test } from "vitest";
import type { PickedImage } from "../image/picked-image.js";
import { formatDraft } from "../request/request-draft.js";
import { imageBeforeSend, lintBeforeSend } from "./check-before-send.js";

const draft = {
  merchantBizId: "abc",
  merchantUserId: `${"0".repeat(63)}1`,
  imageSource: "base64" as const,
  imageUrl: "",
  faceQualityCheck: true,
};
const bytes = new Uint8Array([1, 2, 3]);
/** A picked image whose compressed version passes the preflight, or fails it on these items. */
function picked(failing: { label: string; detail: string; fix?: string }[] = []): PickedImage {
  const items = failing.map((item, index) => ({ id: `i${index}`, status: "fail" as const, ...item }));
  return {
    id: 1,
    name: "a.jpg",
    origin: "file",
    status: "ready",
    progress: 100,
    compressed: { bytes, preflight: { ok: failing.length === 0, items } },
  } as unknown as PickedImage;
}

describe("lintBeforeSend", () => {
  test("a valid request passes", () => {
    expect(lintBeforeSend(formatDraft(draft))).toBeUndefined();
  });

  test("each problem is one line, prefixed with its path", () => {
    const reason = lintBeforeSend('{ "merchantUserId": "alice", "image": { "base64": "<image>" }, "x": 1 }');
    expect(reason?.title).toBe("the request has problems");
    expect(reason?.problems).toEqual([
      expect.stringMatching(/^merchantUserId: /),
      expect.stringMatching(/^x: /),
    ]);
    expect(lintBeforeSend("{")?.problems).toEqual([expect.stringMatching(/^request: JSON: /)]);
  });
});

describe("imageBeforeSend", () => {
  const options = { sendFailingImages: false };

  test("URL mode sends no bytes and needs no image", () => {
    expect(imageBeforeSend({ ...draft, imageSource: "url" }, undefined, options)).toEqual({});
  });

  test("a ready image that passes the preflight is sent", () => {
    expect(imageBeforeSend(draft, picked(), options)).toEqual({ bytes });
  });

  test("no image, or a failed one, is not sent; a re-run adds that history keeps no bytes", () => {
    expect(imageBeforeSend(draft, undefined, options)).toEqual({
      notSent: {
        title: "there is no usable image",
        problems: [expect.stringContaining("Pick, drop or paste")],
      },
    });
    const failed = { ...picked(), status: "failed", error: "not an image" } as PickedImage;
    const rerun = imageBeforeSend(draft, failed, { ...options, rerun: true });
    expect(rerun).toEqual({
      notSent: {
        title: "there is no usable image",
        problems: [
          "The image could not be used: not an image.",
          expect.stringContaining("History keeps no image"),
        ],
      },
    });
  });

  test("a preflight failure lists the failing items, unless Settings allows sending them", () => {
    const image = picked([{ label: "Resolution", detail: "too small.", fix: "Use a bigger photo." }]);
    expect(imageBeforeSend(draft, image, options)).toEqual({
      notSent: {
        title: "the image fails the API's rules (the preflight)",
        problems: ["Resolution: too small. Fix: Use a bigger photo."],
      },
    });
    expect(imageBeforeSend(draft, image, { sendFailingImages: true })).toEqual({ bytes });
  });
});
