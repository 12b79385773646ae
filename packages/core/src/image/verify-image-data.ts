import { IMAGE_LIMITS } from "../spec/image-limits.js";
import {
  dataFault,
  type ImageDataFault,
  type ImageDataProblem,
  type ImageDataProblemCode,
  type ImageDataReport,
  isDataFault,
} from "./image-data-problem.js";
import { inflatePngData } from "./inflate-png-data.js";
import { matchImageSignature } from "./sniff-image-format.js";
import { walkJpegStructure } from "./walk-jpeg-structure.js";
import { pngChannels, walkPngChunks } from "./walk-png-chunks.js";

/** The most pixels whose PNG data is inflated: the largest image FaceLivenessV2 accepts (1080x1920). */
const MAX_PIXELS = IMAGE_LIMITS.maxWidth * IMAGE_LIMITS.maxHeight;
/**
 * The most bytes a PNG's data may inflate to: 8-bit RGB at the largest size, with a filter byte per row
 * (6.2 MB). Inflating is the check's whole cost, so this bounds the work any PNG can ask for: a 16-bit RGBA
 * one would be 2.7 times that, from a file of a few KB. A photo needs no alpha and no more than 8 bits per
 * sample; an RGBA picture still passes up to about 1.5 million pixels (e.g. 1080x1440).
 */
const MAX_DATA_BYTES = MAX_PIXELS * 3 + IMAGE_LIMITS.maxHeight;
const REEXPORT = `re-export the photo as JPEG (quality ${IMAGE_LIMITS.minQuality}) from the camera app or an image editor.`;
const FIXES: Readonly<Record<ImageDataProblemCode, string>> = {
  empty: "Choose a JPEG or PNG photo.",
  unknown_format: `Choose a JPEG or PNG photo, or ${REEXPORT}`,
  truncated: `Send the whole file: it was cut off while saving or uploading. If it persists, ${REEXPORT}`,
  corrupt_structure: `The file is damaged: ${REEXPORT}`,
  unsupported_encoding: `Re-export the photo as a standard 8-bit baseline JPEG (quality ${IMAGE_LIMITS.minQuality}).`,
  bad_checksum: `The file was damaged on the way: upload it again. If it persists, ${REEXPORT}`,
  corrupt_data: `The picture data is damaged: ${REEXPORT}`,
  size_mismatch: `The picture data does not match the size in its header: ${REEXPORT}`,
  too_many_pixels: `Resize: scale the shorter side to ${IMAGE_LIMITS.targetShorterSide} px.`,
  data_too_large: `Save the picture as an 8-bit PNG, or ${REEXPORT}`,
};

/**
 * Checks that an image's data is sound, not only its header: the check `checkImage` leaves out, for images
 * whose header is fine but whose data is garbage (random bytes after a real header, a file cut off, a
 * damaged PNG), which Alibaba would refuse after a call. A JPEG's whole structure is walked without decoding
 * (segments, tables, scans, entropy-coded data, EOI); a PNG's chunks and CRCs are checked and its pixel data
 * inflated (and thrown away) to exactly the size IHDR implies. Separate from `checkImage` so that bundles
 * needing only the header check stay small.
 *
 * Fast: linear in the file's size; a 600 KB JPEG takes a quarter of a millisecond (half a SHA-256 of it), a
 * PNG about the time its pixel data takes to inflate (never much more than its size, whatever a zlib bomb
 * holds). A PNG claiming more than 1080x1920 pixels is reported (`too_many_pixels`) without being inflated, and
 * so is one whose data would inflate to more than 8-bit RGB at that size (`data_too_large`, e.g. 16-bit or RGBA).
 * Never throws, never rejects.
 * The report lists the first problem found: past a broken part nothing can be trusted.
 */
export async function verifyImageData(bytes: Uint8Array): Promise<ImageDataReport> {
  const format = matchImageSignature(bytes);
  const known = format === "jpeg" || format === "png" ? format : undefined;
  const found = await findFault(bytes, format);
  if (typeof found === "number") {
    return { ok: true, bytes: bytes.length, format: known, problems: [], imageBytes: found };
  }
  const problems: ImageDataProblem[] = [{ ...found, fix: FIXES[found.code] }];
  return { ok: false, bytes: bytes.length, format: known, problems };
}

/** The first fault, or for a sound image where it ends. */
async function findFault(
  bytes: Uint8Array,
  format: ReturnType<typeof matchImageSignature>,
): Promise<ImageDataFault | number> {
  if (!bytes.length) return dataFault("empty", "The file is empty.");
  if (format === "truncated") return dataFault("truncated", `The file ends at byte ${bytes.length}.`);
  if (format === "jpeg") return walkJpegStructure(bytes);
  if (format !== "png") return dataFault("unknown_format", "The file is not JPEG or PNG.");
  const png = walkPngChunks(bytes);
  if (isDataFault(png)) return png;
  if (png.width * png.height > MAX_PIXELS) {
    return dataFault(
      "too_many_pixels",
      `The PNG claims ${png.width}x${png.height} px, more than the ${IMAGE_LIMITS.maxWidth}x${IMAGE_LIMITS.maxHeight} whose data is checked.`,
    );
  }
  const rowBytes = 1 + Math.ceil((png.width * pngChannels(png.colorType) * png.bitDepth) / 8);
  if (png.height * rowBytes > MAX_DATA_BYTES) {
    return dataFault(
      "data_too_large",
      `The PNG's pixel data (${png.width}x${png.height}, ${png.bitDepth}-bit, ${pngChannels(png.colorType)} channels) would inflate to ${png.height * rowBytes} bytes, more than the ${MAX_DATA_BYTES} checked.`,
    );
  }
  return (await inflatePngData(png)) ?? png.end;
}
