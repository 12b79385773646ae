import { describe, expect, it } from "vitest";
import { drawPortrait, type PortraitOptions } from "../portraits/synthetic-portrait.js";
import { rgbaToLuminance } from "./luminance-plane.js";
import { measureFace, QUALITY_GATE, qualityProblems } from "./quality.js";

function measure(options: PortraitOptions) {
  const image = drawPortrait(options);
  return measureFace(rgbaToLuminance(image.data, image.width, image.height));
}

describe("measureFace", () => {
  const sharp = measure({});

  it("scores a sharp, well-lit, uncovered portrait high", () => {
    expect(sharp.sharpnessScore).toBeGreaterThan(90);
    expect(sharp.illuminationScore).toBeGreaterThan(90);
    expect(sharp.occlusionScore).toBe(100);
    expect(sharp.keyAreaOcclusionScore).toBe(100);
    expect(sharp.faceQualityScore).toBeGreaterThan(90);
    expect(sharp.occluded).toBe(false);
    expect(sharp.featureless).toBe(false);
    expect(qualityProblems(sharp)).toEqual([]);
  });

  it("scores a blurred portrait low in sharpness only", () => {
    const blurry = measure({ blur: 4 });
    expect(blurry.raw.laplacianVariance).toBeLessThan(sharp.raw.laplacianVariance / 100);
    expect(blurry.sharpnessScore).toBeLessThan(QUALITY_GATE.minSharpnessScore);
    expect(blurry.illuminationScore).toBeGreaterThan(90);
    expect(blurry.occluded).toBe(false);
    expect(qualityProblems(blurry).join()).toContain("too blurry");
  });

  it("scores a dark portrait low in illumination", () => {
    const dark = measure({ brightness: 0.12 });
    expect(dark.raw.meanLuminance).toBeLessThan(30);
    expect(dark.illuminationScore).toBeLessThan(QUALITY_GATE.minIlluminationScore);
    expect(dark.featureless).toBe(false);
    expect(qualityProblems(dark).join()).toContain("badly lit");
  });

  it("sees a patch held over the eyes, nose and mouth as occlusion", () => {
    const covered = measure({ occlude: true });
    expect(covered.keyAreaOcclusionScore).toBeLessThan(50);
    expect(covered.occlusionScore).toBeLessThan(sharp.occlusionScore);
    expect(covered.occluded).toBe(true);
    expect(qualityProblems(covered)).toContain("the face area is covered");
  });

  it("calls a uniform image featureless", () => {
    const blank = measure({ uniform: true });
    expect(blank.featureless).toBe(true);
    expect(blank.sharpnessScore).toBe(0);
  });

  it("takes 15% off the quality of a landscape photo", () => {
    const landscape = measure({ width: 960, height: 720 });
    expect(landscape.faceQualityScore).toBeLessThan(sharp.faceQualityScore * 0.9);
    expect(landscape.sharpnessScore).toBeGreaterThan(90);
  });

  it("measures at one scale, so a larger photo of the same scene scores alike", () => {
    const large = measure({ width: 1080, height: 1440 });
    expect(large.illuminationScore).toBeCloseTo(sharp.illuminationScore, 0);
    expect(large.sharpnessScore).toBeGreaterThan(80);
  });

  it("rounds every score to two decimals in 0-100", () => {
    for (const value of [sharp.faceQualityScore, sharp.sharpnessScore, sharp.illuminationScore]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(100);
      expect(Math.round(value * 100)).toBe(value * 100);
    }
  });
});
