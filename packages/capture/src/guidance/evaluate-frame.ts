import type { DetectedFace } from "../detector/face-detector.js";
import type { PixelStats } from "./pixel-stats.js";
import { DEFAULT_THRESHOLDS, type GuidanceThresholds } from "./thresholds.js";

/** What is wrong with a frame, in the order the person should fix it. */
export type GuidanceIssue =
  | "noFace"
  | "manyFaces"
  | "tooFar"
  | "tooClose"
  | "offCentre"
  | "turned"
  | "tilted"
  | "tooDark"
  | "tooBright"
  | "backlit"
  | "blurry";

/** The verdict on one frame. */
export type FrameVerdict =
  | { readonly ok: true; readonly face: DetectedFace }
  | { readonly ok: false; readonly issue: GuidanceIssue; readonly face?: DetectedFace | undefined };

/** The size of the view the detector saw, in its pixels. */
export interface ViewSize {
  readonly width: number;
  readonly height: number;
}

/** Head turn: where the nose sits between the jaw's edges, -0.5..0.5 (0 = facing the camera). */
export function yawOf(face: DetectedFace): number | undefined {
  const marks = face.landmarks;
  if (!marks) return undefined;
  const span = marks.jawRight.x - marks.jawLeft.x;
  if (span <= 0) return undefined;
  return (marks.noseTip.x - marks.jawLeft.x) / span - 0.5;
}

/** Head tilt: the angle of the line between the eyes, in degrees (0 = level). */
export function rollOf(face: DetectedFace): number | undefined {
  const marks = face.landmarks;
  if (!marks) return undefined;
  const [left, right] =
    marks.leftEye.x <= marks.rightEye.x ? [marks.leftEye, marks.rightEye] : [marks.rightEye, marks.leftEye];
  return (Math.atan2(right.y - left.y, right.x - left.x) * 180) / Math.PI;
}

/**
 * Judges one frame: the first problem in the order a person fixes them (who is in view, then distance and
 * position, then pose, then light, then sharpness). `pixels` is measured for the chosen face; without it the
 * light and sharpness checks are skipped.
 */
export function evaluateFrame(
  faces: readonly DetectedFace[],
  view: ViewSize,
  pixels?: PixelStats,
  thresholds: GuidanceThresholds = DEFAULT_THRESHOLDS,
): FrameVerdict {
  const t = thresholds;
  const seen = faces.filter((face) => face.score >= t.minScore);
  if (seen.length === 0) return { ok: false, issue: "noFace" };
  // A second face counts when it is big enough to be a person in the scene, not a poster far behind.
  const largest = seen.reduce((a, b) => (b.box.width * b.box.height > a.box.width * a.box.height ? b : a));
  const others = seen.filter((face) => face !== largest && face.box.width >= largest.box.width * 0.4);
  if (others.length > 0) return { ok: false, issue: "manyFaces", face: largest };
  const face = largest;
  const width = face.box.width / view.width;
  if (width < t.minFaceWidth) return { ok: false, issue: "tooFar", face };
  if (width > t.maxFaceWidth) return { ok: false, issue: "tooClose", face };
  const centreX = (face.box.x + face.box.width / 2) / view.width;
  const centreY = (face.box.y + face.box.height / 2) / view.height;
  if (Math.abs(centreX - 0.5) > t.maxOffsetX || Math.abs(centreY - 0.5) > t.maxOffsetY) {
    return { ok: false, issue: "offCentre", face };
  }
  const yaw = yawOf(face);
  if (yaw !== undefined && Math.abs(yaw) > t.maxYaw) return { ok: false, issue: "turned", face };
  const roll = rollOf(face);
  if (roll !== undefined && Math.abs(roll) > t.maxRollDegrees) return { ok: false, issue: "tilted", face };
  if (pixels) {
    if (pixels.faceLuma < t.minFaceLuma) return { ok: false, issue: "tooDark", face };
    if (pixels.faceLuma > t.maxFaceLuma) return { ok: false, issue: "tooBright", face };
    if (pixels.viewLuma - pixels.faceLuma > t.maxBacklight) return { ok: false, issue: "backlit", face };
    if (pixels.faceSharpness < t.minSharpness) return { ok: false, issue: "blurry", face };
  }
  return { ok: true, face };
}
