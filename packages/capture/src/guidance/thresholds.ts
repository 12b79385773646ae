/**
 * The limits the live guidance holds a face to. Sizes and positions are fractions of the view: the 3:4 portrait
 * the preview shows (the camera frame's centre, cropped), so they mean the same on every camera.
 */
export interface GuidanceThresholds {
  /** Faces the detector is less sure of are ignored. */
  readonly minScore: number;
  /** Smaller faces get "move closer". */
  readonly minFaceWidth: number;
  /** Larger faces get "move back". */
  readonly maxFaceWidth: number;
  /** The face box's centre may be this far from the view's centre, horizontally (fraction of the width). */
  readonly maxOffsetX: number;
  /** ... and vertically (fraction of the height). */
  readonly maxOffsetY: number;
  /** How far the nose may sit from the middle between the jaw's edges (fraction of the jaw's width). */
  readonly maxYaw: number;
  /** The eyes' line may lean this many degrees. */
  readonly maxRollDegrees: number;
  /** Mean luma (0..255) of the face below this is too dark... */
  readonly minFaceLuma: number;
  /** ...and above this too bright. */
  readonly maxFaceLuma: number;
  /** The view brighter than the face by this much (luma) is backlight. */
  readonly maxBacklight: number;
  /** The variance of the face's Laplacian (sharpness) below this is blurry. */
  readonly minSharpness: number;
  /** Every check must hold this long before the photo is taken by itself. */
  readonly holdMs: number;
  /** ...and over at least this many frames in a row. */
  readonly holdFrames: number;
}

/**
 * The defaults, and why:
 * - `minScore` 0.5: the tiny face detector's own default; at 0.4 it found faces in the test pictures without one.
 * - `minFaceWidth` 0.45: the photo is cropped so the face box fills 75% of its width (which puts the head, hair
 *   and chin over the API's "60% of the image"). The crop must keep at least 480 camera pixels across (the
 *   API's smallest width), so on a 720 px wide view the box must be at least 0.75 x 480 / 720 = 0.5 of the view;
 *   0.45 leaves room for the detector's jitter. Smaller faces also lower the API's accuracy (its product page).
 * - `maxFaceWidth` 0.9: beyond it the chin or the ears leave the picture.
 * - `maxOffsetX`/`maxOffsetY` 0.15: the crop is centred on the face, but a face off the centre of the view ends
 *   up against its edge, where the crop cannot follow.
 * - `maxYaw` 0.22 and `maxRollDegrees` 15: the API asks for a front-facing face. Faces looking at the camera in
 *   the test photos measured |yaw| up to 0.17 and |roll| up to 12.7 degrees (the tiny landmark model is noisy);
 *   0.22 is about 25 degrees of head turn, where one ear starts to hide.
 * - `minFaceLuma` 60, `maxFaceLuma` 215, `maxBacklight` 70: faces under 60 lose their features in a webcam's
 *   noise, over 215 they clip to white (the API's IlluminationScore falls in both cases); backlight was the
 *   first cause of low scores that other liveness products' users reported.
 * - `minSharpness` 40: the Laplacian's variance, with neighbours a hundredth of the face's width apart (so it
 *   reads the same for large and small faces). The test selfie (itself enlarged 2x, so already soft) measured
 *   248; blurred with a box of 2% of the face's width 84, 3% 46, 4% 27. 40 refuses a blur of about 3% of the
 *   face's width, where the eyes' and lips' edges are gone (the API's SharpnessScore falls).
 * - `holdMs` 600 and `holdFrames` 2: long enough that a person who is still moving is not caught mid-motion,
 *   short enough to feel immediate; two frames so one lucky detection does not fire it.
 */
export const DEFAULT_THRESHOLDS: GuidanceThresholds = {
  minScore: 0.5,
  minFaceWidth: 0.45,
  maxFaceWidth: 0.9,
  maxOffsetX: 0.15,
  maxOffsetY: 0.15,
  maxYaw: 0.22,
  maxRollDegrees: 15,
  minFaceLuma: 60,
  maxFaceLuma: 215,
  maxBacklight: 70,
  minSharpness: 40,
  holdMs: 600,
  holdFrames: 2,
};
