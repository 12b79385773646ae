import { pngChannels } from "./walk-png-chunks.js";

/** A run of PNG scanlines of one width: each is a filter-type byte followed by `rowBytes` bytes. */
export interface PngScanlines {
  readonly rows: number;
  readonly rowBytes: number;
}

/** Where one Adam7 pass starts (`x0`, `y0`) and its column and row steps (`dx`, `dy`). */
export interface Adam7Pass {
  readonly x0: number;
  readonly y0: number;
  readonly dx: number;
  readonly dy: number;
}

/** The seven passes of Adam7 interlacing, in order (PNG spec, section 8.2). */
export const ADAM7_PASSES: readonly Adam7Pass[] = [
  { x0: 0, y0: 0, dx: 8, dy: 8 },
  { x0: 4, y0: 0, dx: 8, dy: 8 },
  { x0: 0, y0: 4, dx: 4, dy: 8 },
  { x0: 2, y0: 0, dx: 4, dy: 4 },
  { x0: 0, y0: 2, dx: 2, dy: 4 },
  { x0: 1, y0: 0, dx: 2, dy: 2 },
  { x0: 0, y0: 1, dx: 1, dy: 2 },
];

const WHOLE_IMAGE: readonly Adam7Pass[] = [{ x0: 0, y0: 0, dx: 1, dy: 1 }];

/** One pass of a PNG's pixel data: where its pixels sit in the image, and its scanlines. */
export interface PngPass extends Adam7Pass, PngScanlines {
  /** Pixels per scanline. */
  readonly columns: number;
}

/** The header facts that fix a PNG's scanline layout. */
export interface PngLayout {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}

/**
 * The passes a PNG's inflated data holds, in order: the whole image for a plain PNG, each non-empty Adam7 pass
 * for an interlaced one (a pass with no pixel has no scanline, not even a filter byte).
 */
// @__NO_SIDE_EFFECTS__
export function pngPasses(png: PngLayout): PngPass[] {
  const bitsPerPixel = pngChannels(png.colorType) * png.bitDepth;
  const passes: PngPass[] = [];
  for (const pass of png.interlaced ? ADAM7_PASSES : WHOLE_IMAGE) {
    const columns = Math.ceil((png.width - pass.x0) / pass.dx);
    const rows = Math.ceil((png.height - pass.y0) / pass.dy);
    if (columns > 0 && rows > 0) {
      passes.push({ ...pass, columns, rows, rowBytes: Math.ceil((columns * bitsPerPixel) / 8) });
    }
  }
  return passes;
}

/**
 * The scanlines a PNG's inflated data holds, in order: one run for a plain image, one per non-empty Adam7
 * pass for an interlaced one.
 */
// @__NO_SIDE_EFFECTS__
export function pngScanlines(png: PngLayout): PngScanlines[] {
  return pngPasses(png).map(({ rows, rowBytes }) => ({ rows, rowBytes }));
}

/** The number of bytes the scanlines fill, filter bytes included: what the IDAT data must inflate to. */
// @__NO_SIDE_EFFECTS__
export function pngDataSize(runs: readonly PngScanlines[]): number {
  return runs.reduce((sum, run) => sum + run.rows * (1 + run.rowBytes), 0);
}
