import { pngChannels } from "./walk-png-chunks.js";

/** A run of PNG scanlines of one width: each is a filter-type byte followed by `rowBytes` bytes. */
export interface PngScanlines {
  readonly rows: number;
  readonly rowBytes: number;
}

// Adam7 (PNG spec, section 8.2): each pass's first column and row, and its column and row steps.
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/**
 * The scanlines a PNG's inflated data holds, in order: one run for a plain image, one per non-empty Adam7
 * pass for an interlaced one (a pass with no pixel has no scanline, not even a filter byte).
 */
export function pngScanlines(png: {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}): PngScanlines[] {
  const bitsPerPixel = pngChannels(png.colorType) * png.bitDepth;
  const passes = png.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const runs: PngScanlines[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const columns = Math.ceil((png.width - x0) / dx);
    const rows = Math.ceil((png.height - y0) / dy);
    if (columns > 0 && rows > 0) runs.push({ rows, rowBytes: Math.ceil((columns * bitsPerPixel) / 8) });
  }
  return runs;
}

/** The number of bytes the scanlines fill, filter bytes included: what the IDAT data must inflate to. */
export function pngDataSize(runs: readonly PngScanlines[]): number {
  return runs.reduce((sum, run) => sum + run.rows * (1 + run.rowBytes), 0);
}
