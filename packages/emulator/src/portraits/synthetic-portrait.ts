import { seededRandom } from "@liveness-kit/core/bytes";
import jpeg from "jpeg-js";
import { encodeRgbPng } from "./encode-png.js";

/** How to draw a test image: a face-like portrait with skin texture, or a variant of it. */
export interface PortraitOptions {
  width?: number;
  height?: number;
  /** Box-blur radius in pixels (three passes, close to a Gaussian). */
  blur?: number;
  /** Multiplies every channel (0.1 gives a very dark photo). */
  brightness?: number;
  /** Paints a flat dark patch over the eyes, nose and mouth (as a card held in front of the face would). */
  occlude?: boolean;
  /** One flat colour everywhere: nothing that could be a face. */
  uniform?: boolean;
  /** How strong the skin and background grain is, in levels (default 36): more grain, larger files. */
  grain?: number;
  /** Seeds the grain: the same options give the same pixels. */
  seed?: number;
}

/** An RGBA image. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Draws a synthetic portrait (background gradient, skin-toned oval filling most of the frame, hair, eyes,
 * nose, mouth, fine noise as skin texture) that the emulator measures as a sharp, well-lit face: the one
 * generator of test images in this repository, so no binary image is committed.
 */
export function drawPortrait(options: PortraitOptions = {}): RgbaImage {
  const width = options.width ?? 720;
  const height = options.height ?? 960;
  const random = seededRandom(options.seed ?? 1);
  const grain = options.grain ?? 36;
  const data = new Uint8Array(width * height * 4);
  const cx = width / 2;
  const cy = height * 0.5;
  const rx = Math.min(width, height) * 0.42;
  const ry = height * 0.4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r: number;
      let g: number;
      let b: number;
      if (options.uniform) {
        r = g = b = 128;
      } else {
        const shade = 150 + (60 * y) / height;
        [r, g, b] = [shade * 0.7, shade * 0.8, shade];
        const dx = (x - cx) / rx;
        const dy = (y - cy) / ry;
        const face = dx * dx + dy * dy;
        if (face <= 1) {
          const light = 1 - 0.25 * face;
          [r, g, b] = [222 * light, 170 * light, 138 * light];
          if (dy < -0.55) [r, g, b] = [60, 40, 30];
          const eye = (ex: number) =>
            ((x - ex) / (rx * 0.18)) ** 2 + ((y - (cy - ry * 0.18)) / (ry * 0.07)) ** 2;
          for (const ex of [cx - rx * 0.38, cx + rx * 0.38]) {
            const e = eye(ex);
            if (e <= 1) [r, g, b] = e < 0.3 ? [40, 30, 25] : [240, 240, 235];
          }
          if (Math.abs(x - cx) < rx * 0.06 && y > cy - ry * 0.1 && y < cy + ry * 0.25) {
            [r, g, b] = [r * 0.85, g * 0.85, b * 0.85];
          }
          const mouth = ((x - cx) / (rx * 0.3)) ** 2 + ((y - (cy + ry * 0.45)) / (ry * 0.06)) ** 2;
          if (mouth <= 1) [r, g, b] = [170, 60, 60];
        }
        const noise = (random() - 0.5) * grain;
        r += noise;
        g += noise;
        b += noise;
      }
      const i = (y * width + x) * 4;
      data[i] = clamp(r);
      data[i + 1] = clamp(g);
      data[i + 2] = clamp(b);
      data[i + 3] = 255;
    }
  }
  if (options.occlude) {
    for (let y = Math.floor(height * 0.3); y < height * 0.75; y++) {
      for (let x = Math.floor(width * 0.25); x < width * 0.75; x++) {
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 90;
      }
    }
  }
  if (options.blur) for (let pass = 0; pass < 3; pass++) boxBlur(data, width, height, options.blur);
  if (options.brightness !== undefined) {
    for (let i = 0; i < data.length; i++)
      if (i % 4 !== 3) data[i] = clamp((data[i] ?? 0) * options.brightness);
  }
  return { width, height, data };
}

const cache = new Map<string, Uint8Array>();

/**
 * A portrait encoded as JPEG (`quality` 1-100, 90 by default); cached per options, as encoding takes a while:
 * the same array is returned each time, so copy it before changing it.
 */
export function portraitJpeg({
  quality = 90,
  ...options
}: PortraitOptions & { quality?: number } = {}): Uint8Array {
  const key = `jpeg:${quality}:${JSON.stringify(options)}`;
  let bytes = cache.get(key);
  if (!bytes) {
    const image = drawPortrait(options);
    bytes = new Uint8Array(
      jpeg.encode({ width: image.width, height: image.height, data: image.data }, quality).data,
    );
    cache.set(key, bytes);
  }
  return bytes;
}

/** A portrait encoded as PNG; cached per options. */
export function portraitPng(options: PortraitOptions = {}): Uint8Array {
  const key = `png:${JSON.stringify(options)}`;
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = encodeRgbPng(drawPortrait(options));
    cache.set(key, bytes);
  }
  return bytes;
}

function boxBlur(data: Uint8Array, width: number, height: number, radius: number): void {
  const copy = new Float32Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let c = 0; c < 3; c++) {
      let acc = 0;
      for (let x = -radius; x <= radius; x++)
        acc += data[(y * width + Math.min(width - 1, Math.max(0, x))) * 4 + c] ?? 0;
      for (let x = 0; x < width; x++) {
        copy[(y * width + x) * 4 + c] = acc / (2 * radius + 1);
        const out = Math.max(0, x - radius);
        const into = Math.min(width - 1, x + radius + 1);
        acc += (data[(y * width + into) * 4 + c] ?? 0) - (data[(y * width + out) * 4 + c] ?? 0);
      }
    }
  }
  for (let x = 0; x < width; x++) {
    for (let c = 0; c < 3; c++) {
      let acc = 0;
      for (let y = -radius; y <= radius; y++)
        acc += copy[(Math.min(height - 1, Math.max(0, y)) * width + x) * 4 + c] ?? 0;
      for (let y = 0; y < height; y++) {
        data[(y * width + x) * 4 + c] = clamp(acc / (2 * radius + 1));
        const out = Math.max(0, y - radius);
        const into = Math.min(height - 1, y + radius + 1);
        acc += (copy[(into * width + x) * 4 + c] ?? 0) - (copy[(out * width + x) * 4 + c] ?? 0);
      }
    }
  }
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}
