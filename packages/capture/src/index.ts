import { LivenessCaptureElement } from "./element/liveness-capture.js";

export type {
  DetectedFace,
  FaceDetector,
  FaceDetectorLoader,
  FaceLandmarks,
} from "./detector/face-detector.js";
export type * from "./element/events.js";
export { LivenessCaptureElement } from "./element/liveness-capture.js";
export { DEFAULT_THRESHOLDS, type GuidanceThresholds } from "./guidance/thresholds.js";
export {
  type CaptureLocale,
  type CaptureStrings,
  LOCALES,
  STRINGS,
  type StringKey,
} from "./strings/strings.js";

/** Registers `<liveness-capture>` (once; importing this module does it). */
export function defineLivenessCapture(name = "liveness-capture"): void {
  if (!customElements.get(name)) customElements.define(name, LivenessCaptureElement);
}

defineLivenessCapture();
