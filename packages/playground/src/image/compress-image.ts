import { readImageInfo } from "@liveness-kit/core/image";
import { IMAGE_LIMITS } from "@liveness-kit/core/spec";
import imageCompression from "browser-image-compression";
import libUrl from "browser-image-compression/dist/browser-image-compression.js?url";
import { compressionTarget } from "./compression-target.js";

/** The JPEG quality the compressor starts from (the API asks for more than 0.9). */
export const INITIAL_QUALITY = 0.92;

/** What compression produced. */
export interface CompressedImage {
  readonly blob: Blob;
  readonly bytes: Uint8Array;
  /** The size produced, read back from the JPEG's header. */
  readonly width: number;
  readonly height: number;
  readonly durationMs: number;
  /** The `maxWidthOrHeight` passed to the library. */
  readonly maxWidthOrHeight: number;
}

/** Options of {@link compressImage}. */
export interface CompressOptions {
  /** 0-100, as the library reports it from its worker. */
  readonly onProgress?: (percent: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Shrinks a photo to the API's spec with browser-image-compression in its web worker: the shorter side to
 * 720 px (the library's option bounds the longer side, so it is derived from the displayed size), JPEG at
 * quality 0.92, at most 0.6 MB, EXIF orientation applied (the browser decodes upright; EXIF is not copied,
 * which also drops GPS tags), portrait kept. `width` and `height` are the source's DISPLAYED size (EXIF
 * applied), as core's `readImageInfo` gives them.
 *
 * The worker loads the library from `libURL`; without it the library fetches it from a public CDN, which
 * fails offline and silently falls back to the main thread. So the file Vite serves is passed, made
 * absolute because the worker runs from a blob: URL.
 */
export async function compressImage(
  file: Blob,
  source: { readonly width: number; readonly height: number },
  options: CompressOptions = {},
): Promise<CompressedImage> {
  const target = compressionTarget(source.width, source.height);
  const started = performance.now();
  const input =
    file instanceof File
      ? file
      : new File([file], "image", { type: file.type || "image/jpeg", lastModified: Date.now() });
  const blob = await imageCompression(input, {
    useWebWorker: true,
    libURL: new URL(libUrl, location.href).href,
    maxWidthOrHeight: target.maxWidthOrHeight,
    maxSizeMB: IMAGE_LIMITS.maxBase64SourceBytes / (1024 * 1024),
    initialQuality: INITIAL_QUALITY,
    // When over 0.6 MB, lower the quality but keep the 720 px the API asks for.
    alwaysKeepResolution: true,
    fileType: "image/jpeg",
    preserveExif: false,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const info = readImageInfo(bytes);
  return {
    blob,
    bytes,
    width: info?.width ?? target.width,
    height: info?.height ?? target.height,
    durationMs: performance.now() - started,
    maxWidthOrHeight: target.maxWidthOrHeight,
  };
}
