import { portraitCrop } from "../crop/portrait-crop.js";
import type { Box } from "../detector/face-detector.js";

/** A canvas for reading pixels often (Chromium warns and slows down without `willReadFrequently`). */
export function makeCanvas(
  width: number,
  height: number,
): {
  canvas: HTMLCanvasElement;
  context: CanvasRenderingContext2D;
} {
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width);
  canvas.height = Math.round(height);
  const context = canvas.getContext("2d", { willReadFrequently: true }) as CanvasRenderingContext2D;
  return { canvas, context };
}

/** Draws a region of a video, bitmap or image onto a whole canvas. */
export function drawRegion(
  context: CanvasRenderingContext2D,
  source: CanvasImageSource,
  region: Box,
): ImageData {
  const { width, height } = context.canvas;
  context.drawImage(source, region.x, region.y, region.width, region.height, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/** Scales a box found on a small canvas back to the source's pixels. */
export function scaleBox(box: Box, scale: number, offset: { x: number; y: number } = { x: 0, y: 0 }): Box {
  return {
    x: offset.x + box.x * scale,
    y: offset.y + box.y * scale,
    width: box.width * scale,
    height: box.height * scale,
  };
}

/** Encodes a canvas as JPEG. */
export function canvasToJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the photo"))),
      "image/jpeg",
      quality,
    ),
  );
}

/** The API's 720x960 portrait around `face`, cut from `source` (a video frame or a photo) and encoded as JPEG 0.92. */
export function cropPortraitJpeg(
  source: CanvasImageSource,
  size: { readonly width: number; readonly height: number },
  face: Box,
): Promise<Blob> {
  const crop = portraitCrop(size, face);
  const { canvas, context } = makeCanvas(crop.width, crop.height);
  drawRegion(context, source, { x: crop.sx, y: crop.sy, width: crop.sw, height: crop.sh });
  return canvasToJpeg(canvas, 0.92);
}
