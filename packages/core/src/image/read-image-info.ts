import type { ImageHeaderProblem, ImageInfo } from "./image-info.js";
import { readJpegInfo } from "./read-jpeg-info.js";
import { readPngInfo } from "./read-png-info.js";
import { matchImageSignature } from "./sniff-image-format.js";

/** Like `readImageInfo`, but says why there is no `ImageInfo`; `checkImage` turns that into a problem. */
export function readImageHeader(bytes: Uint8Array): ImageInfo | ImageHeaderProblem | "unknown_format" {
  const format = matchImageSignature(bytes);
  if (format === "jpeg") return readJpegInfo(bytes);
  if (format === "png") return readPngInfo(bytes);
  return format ?? "unknown_format";
}

/**
 * Format, width and height (EXIF orientation applied) of a JPEG or PNG, from its header alone: no pixel is
 * decoded. `undefined` for anything else: empty, not an image, truncated, or a header without usable sizes.
 * Never throws; the work is bounded on any input.
 */
export function readImageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const header = readImageHeader(bytes);
  return typeof header === "string" ? undefined : header;
}
