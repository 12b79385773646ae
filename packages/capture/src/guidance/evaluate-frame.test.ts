import { describe, expect, test } from "vitest";
import type { DetectedFace, FaceLandmarks } from "../detector/face-detector.js";
import { evaluateFrame, rollOf, yawOf } from "./evaluate-frame.js";
import type { PixelStats } from "./pixel-stats.js";
import { DEFAULT_THRESHOLDS } from "./thresholds.js";

const VIEW = { width: 360, height: 480 };
const GOOD_PIXELS: PixelStats = { faceLuma: 140, viewLuma: 130, faceSharpness: 200 };

/** A frontal face of `width` (fraction of the view) centred at (cx, cy), with level eyes. */
function face(width = 0.6, cx = 0.5, cy = 0.5, score = 0.9, marks?: Partial<FaceLandmarks>): DetectedFace {
  const w = width * VIEW.width;
  const x = cx * VIEW.width - w / 2;
  const y = cy * VIEW.height - w / 2;
  return {
    score,
    box: { x, y, width: w, height: w },
    landmarks: {
      leftEye: { x: x + w * 0.3, y: y + w * 0.4 },
      rightEye: { x: x + w * 0.7, y: y + w * 0.4 },
      noseTip: { x: x + w * 0.5, y: y + w * 0.6 },
      jawLeft: { x, y: y + w * 0.45 },
      jawRight: { x: x + w, y: y + w * 0.45 },
      chin: { x: x + w * 0.5, y: y + w },
      ...marks,
    },
  };
}

const issue = (faces: DetectedFace[], pixels: PixelStats | undefined = GOOD_PIXELS) => {
  const verdict = evaluateFrame(faces, VIEW, pixels);
  return verdict.ok ? "ok" : verdict.issue;
};

describe("evaluateFrame", () => {
  test("a centred, frontal, well-lit, sharp face of the right size is ok", () => {
    expect(issue([face()])).toBe("ok");
  });

  test("no face, or only faces below the score threshold", () => {
    expect(issue([])).toBe("noFace");
    expect(issue([face(0.6, 0.5, 0.5, DEFAULT_THRESHOLDS.minScore - 0.01)])).toBe("noFace");
  });

  test("two people of similar size; a tiny face far behind does not count", () => {
    expect(issue([face(0.5, 0.3), face(0.4, 0.75)])).toBe("manyFaces");
    expect(issue([face(0.6), face(0.1, 0.9, 0.1)])).toBe("ok");
  });

  test("too far and too close, at the thresholds' edges", () => {
    expect(issue([face(DEFAULT_THRESHOLDS.minFaceWidth - 0.01)])).toBe("tooFar");
    expect(issue([face(DEFAULT_THRESHOLDS.minFaceWidth + 0.01)])).toBe("ok");
    expect(issue([face(DEFAULT_THRESHOLDS.maxFaceWidth + 0.01)])).toBe("tooClose");
    expect(issue([face(0.2)])).toBe("tooFar");
  });

  test("off-centre in any direction", () => {
    for (const [cx, cy] of [
      [0.3, 0.5],
      [0.7, 0.5],
      [0.5, 0.3],
      [0.5, 0.7],
    ] as const) {
      expect(issue([face(0.5, cx, cy)])).toBe("offCentre");
    }
    expect(issue([face(0.5, 0.6, 0.4)])).toBe("ok");
  });

  test("head turned: the nose near one jaw edge", () => {
    const turned = face();
    const { jawLeft, jawRight } = turned.landmarks!;
    const nose = (share: number) => ({ x: jawLeft.x + (jawRight.x - jawLeft.x) * share, y: jawLeft.y + 40 });
    expect(issue([face(0.6, 0.5, 0.5, 0.9, { noseTip: nose(0.8) })])).toBe("turned");
    expect(issue([face(0.6, 0.5, 0.5, 0.9, { noseTip: nose(0.2) })])).toBe("turned");
    expect(issue([face(0.6, 0.5, 0.5, 0.9, { noseTip: nose(0.6) })])).toBe("ok");
  });

  test("head tilted: the eyes' line leans", () => {
    const base = face();
    const { leftEye } = base.landmarks!;
    const eyesAt = (degrees: number) => ({
      x: leftEye.x + 80 * Math.cos((degrees * Math.PI) / 180),
      y: leftEye.y + 80 * Math.sin((degrees * Math.PI) / 180),
    });
    expect(issue([face(0.6, 0.5, 0.5, 0.9, { rightEye: eyesAt(25) })])).toBe("tilted");
    expect(issue([face(0.6, 0.5, 0.5, 0.9, { rightEye: eyesAt(-25) })])).toBe("tilted");
    expect(issue([face(0.6, 0.5, 0.5, 0.9, { rightEye: eyesAt(8) })])).toBe("ok");
  });

  test("light and sharpness, from the pixels", () => {
    expect(issue([face()], { ...GOOD_PIXELS, faceLuma: 30, viewLuma: 30 })).toBe("tooDark");
    expect(issue([face()], { ...GOOD_PIXELS, faceLuma: 240, viewLuma: 240 })).toBe("tooBright");
    expect(issue([face()], { ...GOOD_PIXELS, faceLuma: 90, viewLuma: 200 })).toBe("backlit");
    expect(issue([face()], { ...GOOD_PIXELS, faceSharpness: 5 })).toBe("blurry");
    // Without pixels the light and sharpness checks are skipped.
    expect(issue([face()], undefined)).toBe("ok");
  });

  test("problems come in the order a person fixes them", () => {
    // Far away and off-centre and dark: distance first.
    expect(issue([face(0.2, 0.2, 0.2)], { faceLuma: 10, viewLuma: 10, faceSharpness: 1 })).toBe("tooFar");
    // Turned and dark: pose first.
    const turned = face(0.6, 0.5, 0.5, 0.9, { noseTip: { x: 0, y: 0 } });
    expect(issue([turned], { faceLuma: 10, viewLuma: 10, faceSharpness: 1 })).toBe("turned");
  });

  test("a face without landmarks skips the pose checks", () => {
    const { landmarks: _, ...bare } = face();
    expect(issue([bare])).toBe("ok");
    expect(yawOf(bare)).toBeUndefined();
    expect(rollOf(bare)).toBeUndefined();
  });

  test("thresholds can be changed", () => {
    const verdict = evaluateFrame([face(0.5)], VIEW, GOOD_PIXELS, {
      ...DEFAULT_THRESHOLDS,
      minFaceWidth: 0.55,
    });
    expect(verdict).toMatchObject({ ok: false, issue: "tooFar" });
  });
});

describe("yawOf and rollOf", () => {
  test("a frontal face reads 0 and level", () => {
    expect(yawOf(face())).toBeCloseTo(0);
    expect(rollOf(face())).toBeCloseTo(0);
  });

  test("roll does not depend on which eye the detector calls left", () => {
    const base = face();
    const swapped = face(0.6, 0.5, 0.5, 0.9, {
      leftEye: base.landmarks!.rightEye,
      rightEye: { x: base.landmarks!.leftEye.x, y: base.landmarks!.leftEye.y + 20 },
    });
    expect(Math.abs(rollOf(swapped)!)).toBeLessThan(90);
  });
});
