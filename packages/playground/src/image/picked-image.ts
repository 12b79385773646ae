import type { Preflight } from "./preflight-checklist.js";

/** Where a picture came from. */
export type ImageOrigin = "file" | "drop" | "paste" | "camera" | "sample";

/** One version of the picture (as picked, or as compressed) with core's verdict on it. */
export interface ImageVersion {
  readonly blob: Blob;
  readonly bytes: Uint8Array;
  /** An object URL for previews; revoked when the picture is replaced. */
  readonly url: string;
  /** As displayed (EXIF orientation applied); undefined when not even the browser could decode it. */
  readonly width?: number;
  readonly height?: number;
  readonly preflight: Preflight;
}

/** The picture being worked on, through reading, compressing and checking. */
export interface PickedImage {
  /** Increases with every pick, so late results of an older pick are ignored. */
  readonly id: number;
  readonly name: string;
  readonly origin: ImageOrigin;
  readonly status: "compressing" | "ready" | "failed";
  /** Compression progress, 0-100. */
  readonly progress: number;
  readonly original: ImageVersion;
  /** What will be sent: the compressed version, or the original when it already met the spec. */
  readonly compressed?: ImageVersion & {
    readonly durationMs: number;
    readonly maxWidthOrHeight?: number;
    /** True when the original was kept as is (already within spec, upright, shorter side at most 720 px). */
    readonly kept: boolean;
  };
  readonly error?: string;
  /** A small JPEG data URL for the history. */
  readonly thumbnail?: string;
}
