import { IMAGE_LIMITS } from "../spec/image-limits.js";
import type { ImageHeaderProblem, ImageInfo } from "./image-info.js";
import { readImageHeader } from "./read-image-info.js";

/** One way an image breaks FaceLivenessV2's rules, and what to do about it. */
export interface ImageProblem {
  readonly code:
    | "empty"
    | "unknown_format"
    | "truncated"
    | "no_dimensions"
    | "too_large"
    | "too_small_resolution"
    | "too_large_resolution"
    | "not_portrait";
  /** What is wrong, with the measured figures (never the image's content). */
  readonly message: string;
  /** A concrete step that fixes it, e.g. "Scale the shorter side to 720 px (to 720x960)." */
  readonly fix: string;
}

/** The verdict of `checkImage`: `ok` exactly when `problems` is empty. */
export interface ImageReport {
  readonly ok: boolean;
  /** The file's size in bytes. */
  readonly bytes: number;
  /** The header's facts, when it could be read. */
  readonly info?: ImageInfo | undefined;
  /** Every problem found, not only the first. */
  readonly problems: ImageProblem[];
}

/** How the image will be sent: base64 inflates it by a third, so that mode allows a smaller file. */
export interface CheckImageOptions {
  /** Overrides the byte limit the mode implies. */
  readonly maxBytes?: number;
  /** "base64" allows `IMAGE_LIMITS.maxBase64SourceBytes` (0.6 MiB), "url" and "file" `IMAGE_LIMITS.maxBytes` (1 MiB). */
  readonly mode?: "base64" | "url" | "file";
}

const L = IMAGE_LIMITS;
const SHORTER = L.targetShorterSide;
const CROP = `crop it to 3:4 (${SHORTER}x${(SHORTER * 4) / 3})`;
const REENCODE = `Save it as JPEG, quality ${L.minQuality}`;
const NO_INFO: Record<
  "empty" | "unknown_format" | ImageHeaderProblem,
  readonly [message: string, fix: string]
> = {
  empty: ["The file is empty.", "Choose a JPEG or PNG photo."],
  unknown_format: ["The file is not JPEG or PNG.", `${REENCODE}.`],
  truncated: ["The file is cut short.", "Send the whole file."],
  no_dimensions: ["The header has no usable size.", `${REENCODE}.`],
};

/**
 * Checks an image against FaceLivenessV2's rules before it is sent: JPEG or PNG, at most 1 MiB (0.6 MiB in
 * base64 mode), 480..1080 px wide and 640..1920 px high (the API writes it as height x width, 640x480..1920x1080)
 * with EXIF orientation applied, and portrait. Reads the header only; never throws, whatever the bytes.
 */
export function checkImage(bytes: Uint8Array, options: CheckImageOptions = {}): ImageReport {
  const size = bytes.length;
  const header = size ? readImageHeader(bytes) : "empty";
  const info = typeof header === "string" ? undefined : header;
  const maxBytes = options.maxBytes ?? (options.mode === "base64" ? L.maxBase64SourceBytes : L.maxBytes);
  const problems: ImageProblem[] = [];
  const add = (code: ImageProblem["code"], message: string, fix: string) =>
    problems.push({ code, message, fix });
  if (size > maxBytes) {
    add(
      "too_large",
      `The file has ${size} bytes; at most ${maxBytes}.`,
      `${REENCODE}${info ? `; ${resize(info)}` : ""}.`,
    );
  }
  if (typeof header === "string") add(header, ...NO_INFO[header]);
  else {
    const { width, height } = header;
    const range = `${width}x${height} px (width x height); allowed ${L.minWidth}x${L.minHeight} to ${L.maxWidth}x${L.maxHeight}.`;
    if (width < L.minWidth || height < L.minHeight)
      add("too_small_resolution", range, `Use a larger photo, or ${resize(header)}.`);
    if (width > L.maxWidth || height > L.maxHeight)
      add("too_large_resolution", range, `Resize: ${resize(header)}.`);
    if (height <= width)
      add("not_portrait", `${width}x${height} px is not portrait.`, `Rotate it to portrait, or ${CROP}.`);
  }
  return { ok: !problems.length, bytes: size, info, problems };
}

/** Scale the shorter side to 720 px when that alone fits the limits, else crop to 3:4 as well. */
function resize({ width, height }: ImageInfo): string {
  const scale = SHORTER / Math.min(width, height);
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  return h > w && h <= L.maxHeight ? `scale the shorter side to ${SHORTER} px (to ${w}x${h})` : CROP;
}
