import type { ImageFormat } from "./sniff-image-format.js";

/**
 * The kinds of damage `verifyImageData` finds in an image whose header may look fine:
 * - `empty`, `unknown_format`: no JPEG or PNG at all;
 * - `truncated`: the file ends before its end marker (JPEG EOI, PNG IEND) or inside a segment or chunk;
 * - `corrupt_structure`: a segment, chunk or marker that cannot be where it is (bad length, a table missing
 *   before the scan that needs it, IHDR not first, ...);
 * - `unsupported_encoding`: well-formed, but a kind decoders refuse (lossless, arithmetic-coded or 12-bit JPEG,
 *   an unknown critical PNG chunk);
 * - `bad_checksum`: a PNG chunk whose CRC-32 does not match its bytes;
 * - `corrupt_data`: the compressed pixel data is garbage (a byte pair that cannot occur in JPEG entropy-coded
 *   data, a PNG zlib stream that does not inflate, a bad row filter or Adler-32);
 * - `size_mismatch`: the PNG pixel data inflates to more or fewer bytes than the header's size implies;
 * - `too_many_pixels`: the PNG header claims more pixels than the largest image FaceLivenessV2 accepts, so its
 *   data is not inflated at all;
 * - `data_too_large`: the PNG's data would inflate to more than 8-bit RGB at the largest size (16-bit samples, or
 *   an alpha channel at full size), so it is not inflated either: that bounds the work of checking any PNG.
 */
export type ImageDataProblemCode =
  | "empty"
  | "unknown_format"
  | "truncated"
  | "corrupt_structure"
  | "unsupported_encoding"
  | "bad_checksum"
  | "corrupt_data"
  | "size_mismatch"
  | "too_many_pixels"
  | "data_too_large";

/** One way an image's data is broken, and what to do about it (the shape of `checkImage`'s problems). */
export interface ImageDataProblem {
  readonly code: ImageDataProblemCode;
  /** What is wrong and where (a byte offset, a chunk or marker name), never the image's content. */
  readonly message: string;
  /** A concrete step that fixes it, e.g. "Re-export the photo as JPEG (quality 0.9)." */
  readonly fix: string;
}

/** The verdict of `verifyImageData`: `ok` exactly when `problems` is empty. */
export interface ImageDataReport {
  readonly ok: boolean;
  /** The file's size in bytes. */
  readonly bytes: number;
  /** The format the signature announces, when it is JPEG or PNG. */
  readonly format?: ImageFormat | undefined;
  /** The first damage found (a walk stops there: what follows a broken part cannot be trusted). */
  readonly problems: ImageDataProblem[];
  /**
   * For a sound image, where the image itself ends (the byte after a JPEG's EOI or a PNG's IEND). Less than
   * `bytes` when data follows it: a phone's trailer, or another file glued on (a JPEG + ZIP polyglot).
   * Decoders stop at the end marker; `bytes.subarray(0, imageBytes)` is the image and nothing else.
   */
  readonly imageBytes?: number | undefined;
}

/** What a structure walk returns where it stops: the code and the message; `verifyImageData` adds the fix. */
export interface ImageDataFault {
  readonly code: ImageDataProblemCode;
  readonly message: string;
}

/** Builds an `ImageDataFault`. */
// @__NO_SIDE_EFFECTS__
export function dataFault(code: ImageDataProblemCode, message: string): ImageDataFault {
  return { code, message };
}

/** True for a fault, false for whatever else a walk returns. */
export function isDataFault(value: unknown): value is ImageDataFault {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}
