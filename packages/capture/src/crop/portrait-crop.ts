import type { Box } from "../detector/face-detector.js";

/** Where to cut the picture from the source and how large to draw it. */
export interface PortraitCrop {
  readonly sx: number;
  readonly sy: number;
  readonly sw: number;
  readonly sh: number;
  readonly width: number;
  readonly height: number;
}

/** The share of the crop's width the face box fills: the head (hair and chin too) then covers over 60%. */
export const FACE_FILL = 0.75;
/** The API wants the shorter side scaled to 720 px. */
export const OUTPUT_WIDTH = 720;
/** Portrait 3:4, the shape of a phone's front camera held upright. */
export const OUTPUT_HEIGHT = 960;

/**
 * A 3:4 portrait around the face: as wide as the face box needs to fill `fill` of it (never wider than the
 * source allows), centred on the face and pushed back inside the source where it would leave it; drawn at
 * 720x960, the size the API asks for.
 */
export function portraitCrop(
  source: { readonly width: number; readonly height: number },
  face: Box,
  fill: number = FACE_FILL,
): PortraitCrop {
  const widest = Math.min(source.width, (source.height * 3) / 4);
  const sw = Math.min(widest, Math.max(1, face.width / fill));
  const sh = (sw * 4) / 3;
  const centreX = face.x + face.width / 2;
  const centreY = face.y + face.height / 2;
  const sx = Math.min(Math.max(0, centreX - sw / 2), source.width - sw);
  const sy = Math.min(Math.max(0, centreY - sh / 2), source.height - sh);
  return { sx, sy, sw, sh, width: OUTPUT_WIDTH, height: OUTPUT_HEIGHT };
}

/** The centred 3:4 portrait of a frame of any shape: what the preview shows and the detector sees. */
export function centredPortrait(source: { readonly width: number; readonly height: number }): Box {
  const width = Math.min(source.width, (source.height * 3) / 4);
  const height = (width * 4) / 3;
  return { x: (source.width - width) / 2, y: (source.height - height) / 2, width, height };
}
