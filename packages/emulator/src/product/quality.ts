import { downscaleLuminance, type LuminancePlane } from "./luminance-plane.js";

/**
 * The measurements behind `ExtFaceInfo`, all computed from the decoded pixels (there is no face model in the
 * emulator, so these are honest image statistics on Alibaba's 0-100 scale, higher is better):
 * - sharpness: variance of the Laplacian, log-mapped so that 1000 (crisp) is 100 and 10 (very soft) about 35;
 * - illumination: how far the mean luminance is from mid-grey, times the share of pixels not clipped to black
 *   or white;
 * - occlusion: the share of 16x16 blocks in the central face area (the face should fill over 60% of the image)
 *   that are not covered. A block counts as covered when it is clipped to black or white, or when it is flat
 *   and far from the face's typical tone: what a sticker, a card or a blown-out patch looks like (a blurry but
 *   uncovered face stays uncovered). The key area is the middle band where eyes, nose and mouth sit;
 * - face quality: 40% sharpness, 30% illumination, 30% occlusion, less 15% for a landscape image (Alibaba says
 *   landscape "may reduce accuracy").
 */
export interface FaceMeasurements {
  faceQualityScore: number;
  sharpnessScore: number;
  illuminationScore: number;
  occlusionScore: number;
  keyAreaOcclusionScore: number;
  /** The face area is covered: the `OcclusionResult` of the answer. */
  occluded: boolean;
  /** Nothing in the image has structure (blank, uniform, all black): no face can be in it. */
  featureless: boolean;
  /** The raw statistics, for the README and tests. */
  raw: {
    laplacianVariance: number;
    meanLuminance: number;
    luminanceStdDev: number;
    clippedFraction: number;
    flatBlockFraction: number;
  };
}

/** Measurements are taken at this shorter side (the minimum width Alibaba accepts), whatever the resolution. */
export const MEASUREMENT_SHORTER_SIDE = 480;

/** What `FaceQualityCheck=Y` requires; below any of these the answer is `UnqualifiedPhoto`. */
export const QUALITY_GATE = {
  minFaceQualityScore: 50,
  minSharpnessScore: 40,
  minIlluminationScore: 40,
} as const;

const BLOCK = 16;
const FLAT_STD_DEV = 2.5;
const CLIPPED_LOW = 8;
const CLIPPED_HIGH = 247;
const FOREIGN_TONE = 40;

/** Measures a luminance plane as displayed (already turned by its EXIF orientation). */
export function measureFace(displayed: LuminancePlane): FaceMeasurements {
  const plane = downscaleLuminance(displayed, MEASUREMENT_SHORTER_SIDE);
  const { width, height, data } = plane;

  let sum = 0;
  let sumSquares = 0;
  let clipped = 0;
  for (const value of data) {
    sum += value;
    sumSquares += value * value;
    if (value <= CLIPPED_LOW || value >= CLIPPED_HIGH) clipped++;
  }
  const count = data.length || 1;
  const mean = sum / count;
  const stdDev = Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
  const clippedFraction = clipped / count;

  const laplacianVariance = laplacianVarianceOf(plane);
  const sharpnessScore = clampScore((100 * Math.log10(1 + laplacianVariance)) / Math.log10(1001));
  const exposure = 1 - ((mean - 128) / 128) ** 2;
  const illuminationScore = clampScore(100 * exposure * (1 - clippedFraction));

  const blocks = blockStatistics(plane);
  const inFace = (block: Block) => ((block.x - 0.5) / 0.4) ** 2 + ((block.y - 0.5) / 0.42) ** 2 <= 1;
  const inKeyArea = (block: Block) => block.x >= 0.25 && block.x <= 0.75 && block.y >= 0.3 && block.y <= 0.75;
  // The face's own tone comes from the part of the face around the key area, which an object held over the
  // eyes, nose and mouth leaves visible.
  const faceTone = median(
    blocks.filter((block) => inFace(block) && !inKeyArea(block)).map((block) => block.mean),
  );
  const uncovered = (block: Block) =>
    block.mean > CLIPPED_LOW &&
    block.mean < CLIPPED_HIGH &&
    !(block.stdDev < FLAT_STD_DEV && Math.abs(block.mean - faceTone) > FOREIGN_TONE);
  const occlusionScore = clampScore(100 * share(blocks.filter(inFace), uncovered));
  const keyAreaOcclusionScore = clampScore(100 * share(blocks.filter(inKeyArea), uncovered));
  const flatBlockFraction = share(blocks, (block) => block.stdDev < FLAT_STD_DEV);

  const landscape = width > height;
  const combined = 0.4 * sharpnessScore + 0.3 * illuminationScore + 0.3 * occlusionScore;
  const faceQualityScore = clampScore(combined * (landscape ? 0.85 : 1));

  return {
    faceQualityScore,
    sharpnessScore,
    illuminationScore,
    occlusionScore,
    keyAreaOcclusionScore,
    occluded: keyAreaOcclusionScore < 60 || occlusionScore < 50,
    featureless: stdDev < 2 || flatBlockFraction >= 0.98,
    raw: {
      laplacianVariance: round2(laplacianVariance),
      meanLuminance: round2(mean),
      luminanceStdDev: round2(stdDev),
      clippedFraction: round2(clippedFraction),
      flatBlockFraction: round2(flatBlockFraction),
    },
  };
}

/** Why a photo fails `FaceQualityCheck=Y` (empty when it passes), in words for the error message. */
export function qualityProblems(measurements: FaceMeasurements): string[] {
  const problems: string[] = [];
  if (measurements.sharpnessScore < QUALITY_GATE.minSharpnessScore) {
    problems.push(
      `too blurry (sharpness ${measurements.sharpnessScore} < ${QUALITY_GATE.minSharpnessScore})`,
    );
  }
  if (measurements.illuminationScore < QUALITY_GATE.minIlluminationScore) {
    problems.push(
      `badly lit (illumination ${measurements.illuminationScore} < ${QUALITY_GATE.minIlluminationScore})`,
    );
  }
  if (measurements.occluded) problems.push("the face area is covered");
  if (measurements.faceQualityScore < QUALITY_GATE.minFaceQualityScore) {
    problems.push(`low quality (${measurements.faceQualityScore} < ${QUALITY_GATE.minFaceQualityScore})`);
  }
  return problems;
}

// 4-neighbour Laplacian over the inner pixels; its variance is the usual focus measure.
function laplacianVarianceOf({ width, height, data }: LuminancePlane): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const i = row + x;
      const value =
        (data[i - 1] ?? 0) +
        (data[i + 1] ?? 0) +
        (data[i - width] ?? 0) +
        (data[i + width] ?? 0) -
        4 * (data[i] ?? 0);
      sum += value;
      sumSquares += value * value;
      count++;
    }
  }
  const mean = sum / count;
  return Math.max(0, sumSquares / count - mean * mean);
}

interface Block {
  /** Centre, as a fraction of the width and height. */
  x: number;
  y: number;
  mean: number;
  stdDev: number;
}

// Mean and spread of every whole 16x16 block.
function blockStatistics({ width, height, data }: LuminancePlane): Block[] {
  const blocks: Block[] = [];
  const n = BLOCK * BLOCK;
  for (let by = 0; by + BLOCK <= height; by += BLOCK) {
    for (let bx = 0; bx + BLOCK <= width; bx += BLOCK) {
      let sum = 0;
      let sumSquares = 0;
      for (let y = by; y < by + BLOCK; y++) {
        for (let x = bx; x < bx + BLOCK; x++) {
          const value = data[y * width + x] ?? 0;
          sum += value;
          sumSquares += value * value;
        }
      }
      const mean = sum / n;
      const stdDev = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
      blocks.push({ x: (bx + BLOCK / 2) / width, y: (by + BLOCK / 2) / height, mean, stdDev });
    }
  }
  return blocks;
}

function share<T>(items: T[], test: (item: T) => boolean): number {
  if (items.length === 0) return 0;
  let hits = 0;
  for (const item of items) if (test(item)) hits++;
  return hits / items.length;
}

function median(values: number[]): number {
  if (values.length === 0) return 128;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 128;
}

function clampScore(value: number): number {
  return round2(Math.min(100, Math.max(0, value)));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
