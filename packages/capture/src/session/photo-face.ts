import { IMAGE_LIMITS } from "@liveness-kit/core/spec";
import { FACE_FILL } from "../crop/portrait-crop.js";
import type { Box, FaceDetector } from "../detector/face-detector.js";
import { evaluateFrame, type GuidanceIssue } from "../guidance/evaluate-frame.js";
import { measurePixels } from "../guidance/pixel-stats.js";
import type { GuidanceThresholds } from "../guidance/thresholds.js";
import { drawRegion, makeCanvas, scaleBox } from "./draw.js";

/** Photos are searched for faces at most this large on their longer side (speed); the crop uses the full photo. */
const DETECT_LONGER_SIDE = 640;

/**
 * The face to crop a chosen photo around (in the photo's pixels), or what is wrong with it: the camera's rules,
 * except position and distance, since a photo is cropped around its face; instead the face must be large enough
 * in real pixels for the crop to keep the API's smallest width (480) at the usual fill.
 */
export async function findPhotoFace(
  photo: ImageBitmap,
  detector: FaceDetector,
  thresholds: GuidanceThresholds,
): Promise<{ readonly face: Box } | { readonly issue: GuidanceIssue }> {
  const scale = Math.max(1, Math.max(photo.width, photo.height) / DETECT_LONGER_SIDE);
  const { context } = makeCanvas(photo.width / scale, photo.height / scale);
  const pixels = drawRegion(context, photo, { x: 0, y: 0, width: photo.width, height: photo.height });
  const faces = await detector.detect(context.canvas);
  const only = faces.length === 1 ? faces[0] : undefined;
  const verdict = evaluateFrame(
    faces,
    { width: context.canvas.width, height: context.canvas.height },
    only ? measurePixels(pixels, only.box) : undefined,
    { ...thresholds, minFaceWidth: 0, maxFaceWidth: 1, maxOffsetX: 1, maxOffsetY: 1 },
  );
  if (!verdict.ok) return { issue: verdict.issue };
  const face = scaleBox(verdict.face.box, scale);
  if (face.width / FACE_FILL < IMAGE_LIMITS.minWidth) return { issue: "tooFar" };
  return { face };
}
