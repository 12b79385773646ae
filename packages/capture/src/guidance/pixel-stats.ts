import type { Box } from "../detector/face-detector.js";

/** Pixels as `ImageData` has them: RGBA, row by row. */
export interface Pixels {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** What the guidance reads from the pixels. */
export interface PixelStats {
  /** Mean luma (BT.601, 0..255) inside the face box. */
  readonly faceLuma: number;
  /** Mean luma of the whole view. */
  readonly viewLuma: number;
  /** Variance of the 4-neighbour Laplacian of luma inside the face box: low means blurred. */
  readonly faceSharpness: number;
}

const luma = (data: Uint8ClampedArray, index: number): number =>
  0.299 * (data[index] as number) + 0.587 * (data[index + 1] as number) + 0.114 * (data[index + 2] as number);

/** The box clamped to whole pixels inside the image; undefined when nothing is left. */
function clampBox(box: Box, pixels: Pixels) {
  const left = Math.max(0, Math.floor(box.x));
  const top = Math.max(0, Math.floor(box.y));
  const right = Math.min(pixels.width, Math.ceil(box.x + box.width));
  const bottom = Math.min(pixels.height, Math.ceil(box.y + box.height));
  return right - left >= 3 && bottom - top >= 3 ? { left, top, right, bottom } : undefined;
}

/** Mean luma of a region (the whole image when no box is given); sampled every `step` pixels. */
export function meanLuma(pixels: Pixels, box?: Box, step = 2): number {
  const area = clampBox(box ?? { x: 0, y: 0, width: pixels.width, height: pixels.height }, pixels);
  if (!area) return 0;
  let sum = 0;
  let count = 0;
  for (let y = area.top; y < area.bottom; y += step) {
    for (let x = area.left; x < area.right; x += step) {
      sum += luma(pixels.data, (y * pixels.width + x) * 4);
      count++;
    }
  }
  return sum / count;
}

/**
 * Variance of the Laplacian of luma inside the box: the usual one-number focus measure. Neighbours are taken
 * `step` pixels apart, so a large face can be measured at the same scale as a small one.
 */
export function laplacianVariance(pixels: Pixels, box: Box, step = 1): number {
  const area = clampBox(box, pixels);
  if (!area) return 0;
  const { width, data } = pixels;
  const at = (x: number, y: number) => luma(data, (y * width + x) * 4);
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let y = area.top + step; y < area.bottom - step; y += step) {
    for (let x = area.left + step; x < area.right - step; x += step) {
      const value = at(x - step, y) + at(x + step, y) + at(x, y - step) + at(x, y + step) - 4 * at(x, y);
      sum += value;
      sumSquares += value * value;
      count++;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return sumSquares / count - mean * mean;
}

/** Faces are measured for sharpness at about this width in pixels, whatever their size in the image. */
export const SHARPNESS_FACE_WIDTH = 100;

/** The three numbers the guidance needs, for the face in `box`. */
export function measurePixels(pixels: Pixels, box: Box): PixelStats {
  // The middle of the box: the detector's box reaches past the cheeks into the background.
  const inner = {
    x: box.x + box.width * 0.2,
    y: box.y + box.height * 0.15,
    width: box.width * 0.6,
    height: box.height * 0.7,
  };
  return {
    faceLuma: meanLuma(pixels, inner),
    viewLuma: meanLuma(pixels, undefined, 4),
    faceSharpness: laplacianVariance(
      pixels,
      inner,
      Math.max(1, Math.round(box.width / SHARPNESS_FACE_WIDTH)),
    ),
  };
}
