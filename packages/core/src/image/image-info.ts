import type { ImageFormat } from "./sniff-image-format.js";

/** The EXIF orientation of a photo: 1 is upright; 5-8 store the picture turned a quarter, so width and height swap. */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** What an image's header says about it, read without decoding any pixel. */
export interface ImageInfo {
  readonly format: ImageFormat;
  /** Width as displayed: with EXIF orientation 5-8 applied (then it is the stored height). */
  readonly width: number;
  /** Height as displayed: with EXIF orientation 5-8 applied (then it is the stored width). */
  readonly height: number;
  /** Width as stored in the JPEG SOF or PNG IHDR. */
  readonly storedWidth: number;
  /** Height as stored in the JPEG SOF or PNG IHDR. */
  readonly storedHeight: number;
  /** From the JPEG's EXIF (APP1) IFD0; 1 when absent, unreadable or PNG. */
  readonly orientation: ExifOrientation;
  /** Progressive JPEG (SOF2, SOF6, SOF10, SOF14) or Adam7-interlaced PNG. */
  readonly progressive?: boolean;
  /** Bits per sample: the JPEG SOF precision or the PNG IHDR bit depth. */
  readonly bitDepth?: number;
}

/** Why a header gave no `ImageInfo`: it stops early, or it holds no usable width and height. */
export type ImageHeaderProblem = "truncated" | "no_dimensions";

/** Builds an `ImageInfo` from the stored sizes, turning width and height for orientations 5-8. */
export function toImageInfo(
  format: ImageFormat,
  storedWidth: number,
  storedHeight: number,
  orientation: ExifOrientation,
  progressive: boolean,
  bitDepth: number,
): ImageInfo {
  const turned = orientation > 4;
  return {
    format,
    width: turned ? storedHeight : storedWidth,
    height: turned ? storedWidth : storedHeight,
    storedWidth,
    storedHeight,
    orientation,
    progressive,
    bitDepth,
  };
}
