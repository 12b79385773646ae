import { describe, expect, test } from "vitest";
import { findLowScores, unqualifiedPhotoMeaning } from "./low-scores.js";

describe("findLowScores", () => {
  test("reads the scores a quality message names", () => {
    expect(
      findLowScores(
        "The picture failed the face quality check: too blurry (sharpness 12 < 40); badly lit (illumination 20.5 < 40).",
        undefined,
      ),
    ).toEqual([
      { name: "SharpnessScore", value: 12, minimum: 40 },
      { name: "IlluminationScore", value: 20.5, minimum: 40 },
    ]);
  });

  test("reads details.lowScores, and ignores malformed items", () => {
    expect(
      findLowScores("x", { lowScores: [{ name: "FaceQualityScore", value: 31, minimum: 50 }, { name: 3 }] }),
    ).toEqual([{ name: "FaceQualityScore", value: 31, minimum: 50 }]);
  });

  test("a message that names no score gives none", () => {
    expect(findLowScores("Alibaba Cloud refused the call: unusable photo.", undefined)).toEqual([]);
  });
});

describe("unqualifiedPhotoMeaning", () => {
  test("names the low scores when known", () => {
    expect(unqualifiedPhotoMeaning("too blurry (sharpness 12 < 40)", undefined)).toBe(
      "the face quality check refused the photo: SharpnessScore 12 (under 40)",
    );
  });

  test("otherwise says which scores the check looks at, not the message again", () => {
    const message = "Alibaba Cloud refused the call: unusable photo.";
    const meaning = unqualifiedPhotoMeaning(message, undefined);
    expect(meaning).not.toContain("unusable photo");
    expect(meaning).toContain("SharpnessScore");
  });
});
