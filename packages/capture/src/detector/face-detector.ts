/** A point in the pixels of the image the detector was given. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A rectangle in the pixels of the image the detector was given. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The few landmarks the guidance reads (from a 68-point model or any other that has them). */
export interface FaceLandmarks {
  readonly leftEye: Point;
  readonly rightEye: Point;
  readonly noseTip: Point;
  /** The outermost jaw points beside the eyes, left and right in the image. */
  readonly jawLeft: Point;
  readonly jawRight: Point;
  /** The chin's lowest point. */
  readonly chin: Point;
}

/** One face found in an image. */
export interface DetectedFace {
  readonly box: Box;
  /** The detector's confidence, 0..1. */
  readonly score: number;
  /** Left out when the detector has no landmark model; pose checks are then skipped. */
  readonly landmarks?: FaceLandmarks | undefined;
}

/** What the element can hand a detector: the preview's frame drawn on a canvas, or a photo. */
export type DetectorInput = HTMLCanvasElement | OffscreenCanvas | ImageBitmap;

/**
 * The one thing the element needs from a face detector. Keep it this small, so another model (MediaPipe, a
 * platform `FaceDetector`) can replace the default.
 */
export interface FaceDetector {
  /** Every face in the image, best first. */
  detect(input: DetectorInput): Promise<DetectedFace[]>;
  /** A short name for logs and benchmarks, e.g. `face-api tiny (wasm)`. */
  readonly name: string;
  /** Frees the model's memory. */
  dispose?(): void;
}

/** Loads a detector; the element calls it once, when the camera starts or a photo is chosen. */
export type FaceDetectorLoader = () => Promise<FaceDetector>;
