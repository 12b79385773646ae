// Generates the test images in Node (jpeg-js), so no binary image is committed. Each is a synthetic
// portrait: a lit background, a skin-toned face filling most of the frame, eyes, brows and a mouth,
// plus seeded grain so that the emulator measures it as sharp and well lit.
import jpeg from "jpeg-js";
import type { PortraitSet } from "../portrait-set.js";

/** A small deterministic random generator (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function drawFace(width: number, height: number, grain: number, seed: number, flat = false): Uint8Array {
  const random = seeded(seed);
  const data = new Uint8Array(width * height * 4);
  const cx = width / 2;
  const cy = height * 0.52;
  const rx = width * 0.4;
  const ry = height * 0.38;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let rgb: [number, number, number];
      if (flat) {
        rgb = [128, 128, 128];
      } else {
        const dx = (x - cx) / rx;
        const dy = (y - cy) / ry;
        const inFace = dx * dx + dy * dy <= 1;
        rgb = inFace ? [205 - 30 * dy, 160 - 25 * dy, 130 - 20 * dy] : [90 + (80 * y) / height, 110, 150];
        const feature = (fx: number, fy: number, sx: number, sy: number) =>
          ((x - fx) / sx) ** 2 + ((y - fy) / sy) ** 2 <= 1;
        if (feature(cx - rx * 0.4, cy - ry * 0.2, rx * 0.15, ry * 0.06)) rgb = [45, 35, 30];
        if (feature(cx + rx * 0.4, cy - ry * 0.2, rx * 0.15, ry * 0.06)) rgb = [45, 35, 30];
        if (feature(cx, cy + ry * 0.45, rx * 0.3, ry * 0.06)) rgb = [150, 60, 60];
        if (inFace && dy < -0.7) rgb = [50, 35, 25];
        const noise = (random() - 0.5) * grain;
        rgb = rgb.map((value) => value + noise) as [number, number, number];
      }
      const offset = (y * width + x) * 4;
      data[offset] = Math.max(0, Math.min(255, rgb[0]));
      data[offset + 1] = Math.max(0, Math.min(255, rgb[1]));
      data[offset + 2] = Math.max(0, Math.min(255, rgb[2]));
      data[offset + 3] = 255;
    }
  }
  return data;
}

function encodeJpeg(
  width: number,
  height: number,
  grain: number,
  seed: number,
  quality: number,
  flat = false,
): Buffer {
  return jpeg.encode({ width, height, data: drawFace(width, height, grain, seed, flat) }, quality).data;
}

/** Draws every fixture; the large one is re-drawn with more grain until it lands between 0.6 and 1 MiB. */
export function makePortraitFixtures(): PortraitSet {
  const minLarge = 660_000;
  const maxLarge = 1_000_000;
  let large: Buffer | undefined;
  for (let grain = 60; grain <= 400 && large === undefined; grain += 20) {
    const candidate = encodeJpeg(720, 960, grain, 7, 95);
    if (candidate.byteLength >= minLarge && candidate.byteLength <= maxLarge) large = candidate;
    if (candidate.byteLength > maxLarge) break;
  }
  if (large === undefined) throw new Error("could not draw a portrait between 0.6 and 1 MiB");
  return {
    portrait: encodeJpeg(480, 640, 24, 1, 90).toString("base64"),
    otherPortrait: encodeJpeg(480, 640, 24, 2, 90).toString("base64"),
    largePortrait: large.toString("base64"),
    landscape: encodeJpeg(640, 480, 24, 3, 90).toString("base64"),
    blank: encodeJpeg(480, 640, 0, 4, 90, true).toString("base64"),
  };
}
