// Re-exports only: PNG's structure (chunks, CRCs, IHDR, PLTE, IDAT) and scanline layout (Adam7), for code that
// decodes pixels on top of them. Checking a whole image is `checkImage` / `verifyImageData` in `./image`.
export { type ImageDataFault, isDataFault } from "../image/image-data-problem.js";
export {
  ADAM7_PASSES,
  type Adam7Pass,
  type PngLayout,
  type PngPass,
  type PngScanlines,
  pngDataSize,
  pngPasses,
  pngScanlines,
} from "../image/png-scanlines.js";
export { matchImageSignature } from "../image/sniff-image-format.js";
export { type PngStructure, pngChannels, walkPngChunks } from "../image/walk-png-chunks.js";
export { pngChunk, pngFile } from "../image/write-png-chunk.js";
