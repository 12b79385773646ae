import { IMAGE_LIMITS } from "@liveness-kit/core/spec";

/** What the compressor will be asked to do, and the size it will produce. */
export interface CompressionTarget {
  /** The value for browser-image-compression's `maxWidthOrHeight` (it bounds the LONGER side). */
  readonly maxWidthOrHeight: number;
  /** The width and height the library will produce (it never upscales). */
  readonly width: number;
  readonly height: number;
  /** False when the source is already no larger than the target and is kept at its size. */
  readonly resized: boolean;
}

/**
 * The size the library produces for a `maxWidthOrHeight` bound, computed the way browser-image-compression
 * 2.0.2 does it (`handleMaxWidthOrHeight`): the longer side becomes the bound, the other side is scaled
 * in floating point and truncated to an integer when assigned to the canvas.
 */
export function scaledSize(width: number, height: number, bound: number): { width: number; height: number } {
  if (!(width > bound || height > bound)) return { width, height };
  // The library treats a square as portrait (its test is `width > height`).
  return width > height
    ? { width: bound, height: Math.trunc((height / width) * bound) }
    : { width: Math.trunc((width / height) * bound), height: bound };
}

/**
 * The `maxWidthOrHeight` that makes the SHORTER side of an image of the given displayed size become the API's
 * target (720 px), while the longer side stays within the API's maximum height (1920 px). The library's
 * option bounds the longer side, so the bound is derived from the aspect ratio and nudged up until the
 * library's own arithmetic yields at least the target.
 */
export function compressionTarget(
  width: number,
  height: number,
  target: number = IMAGE_LIMITS.targetShorterSide,
): CompressionTarget {
  if (!(Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0)) {
    throw new RangeError(`image dimensions must be positive numbers, got ${width}x${height}`);
  }
  const shorter = Math.min(width, height);
  const longer = Math.max(width, height);
  if (shorter <= target) return { maxWidthOrHeight: longer, width, height, resized: false };
  let bound = Math.ceil((target * longer) / shorter);
  while (Math.min(...Object.values(scaledSize(width, height, bound))) < target) bound += 1;
  // A very tall image would pass the API's maximum height before its shorter side reached the target.
  bound = Math.min(bound, IMAGE_LIMITS.maxHeight);
  const size = scaledSize(width, height, bound);
  return { maxWidthOrHeight: bound, width: size.width, height: size.height, resized: true };
}
