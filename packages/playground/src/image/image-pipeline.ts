import { readImageInfo } from "@liveness-kit/core/image";
import { IMAGE_LIMITS } from "@liveness-kit/core/spec";
import type { AppState } from "../shell/app-state.js";
import type { Store } from "../shell/store.js";
import { makeThumbnail } from "./make-thumbnail.js";
import type { ImageOrigin, ImageVersion, PickedImage } from "./picked-image.js";
import { preflightImage } from "./preflight-checklist.js";

/** Bigger files are refused before decoding: a browser tab should not hold hundreds of MB of pixels. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/** Takes a picked file through reading, the preflight, compression (in a worker) and the preflight again. */
export interface ImagePipeline {
  /** Starts on a picture, or on one still being made (a sample being drawn): a send waits for it either way. */
  pick(file: Blob | Promise<Blob>, name: string, origin: ImageOrigin): Promise<void>;
  /** The current picture once it is no longer compressing. */
  whenReady(): Promise<PickedImage | undefined>;
}

/** Creates the pipeline; each pick supersedes the previous one (its compression is aborted). */
export function createImagePipeline(
  store: Store<AppState>,
  log: (level: "info" | "warn" | "error", message: string) => void,
): ImagePipeline {
  let counter = 0;
  let abort: AbortController | undefined;
  let running: Promise<void> = Promise.resolve();

  const update = (id: number, patch: Partial<PickedImage>) => {
    store.set((state) => (state.image?.id === id ? { image: { ...state.image, ...patch } } : {}));
  };

  async function run(
    pending: Blob | Promise<Blob>,
    name: string,
    origin: ImageOrigin,
    id: number,
    signal: AbortSignal,
  ): Promise<void> {
    const file = await pending;
    if (id !== counter) return;
    const previous = store.get().image;
    if (file.size > MAX_SOURCE_BYTES) {
      log("error", `${name}: ${file.size} bytes is more than this page will decode (50 MB).`);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const info = readImageInfo(bytes);
    // PNG/JPEG headers give the displayed size without decoding; other formats the browser may still decode.
    const size = info ? { width: info.width, height: info.height } : await decodedSize(file);
    const original: ImageVersion = {
      blob: file,
      bytes,
      url: URL.createObjectURL(file),
      ...(size ?? {}),
      preflight: preflightImage(bytes, "base64"),
    };
    store.set({ image: { id, name, origin, status: "compressing", progress: 0, original } });
    revoke(previous);
    if (!size) {
      update(id, {
        status: "failed",
        error: "the browser cannot decode this file as an image (use JPEG or PNG)",
      });
      log("error", `${name}: not a decodable image.`);
      return;
    }
    log("info", `Picked ${name} (${origin}): ${size.width}x${size.height}, ${bytes.length} bytes.`);
    const upright = !info || info.orientation === 1;
    if (
      original.preflight.ok &&
      upright &&
      Math.min(size.width, size.height) <= IMAGE_LIMITS.targetShorterSide
    ) {
      update(id, {
        status: "ready",
        progress: 100,
        compressed: { ...original, durationMs: 0, kept: true },
        thumbnail: await makeThumbnail(file),
      });
      log("info", `${name} already meets the spec (upright, shorter side at most 720 px): sent as picked.`);
      return;
    }
    try {
      const { compressImage } = await import("./compress-image.js");
      const typed = file.type.startsWith("image/")
        ? file
        : new Blob([bytes], { type: info ? `image/${info.format}` : "image/jpeg" });
      const result = await compressImage(typed, size, {
        onProgress: (progress) => update(id, { progress }),
        signal,
      });
      const compressed = {
        blob: result.blob,
        bytes: result.bytes,
        url: URL.createObjectURL(result.blob),
        width: result.width,
        height: result.height,
        preflight: preflightImage(result.bytes, "base64"),
        durationMs: result.durationMs,
        maxWidthOrHeight: result.maxWidthOrHeight,
        kept: false,
      };
      if (store.get().image?.id !== id) {
        URL.revokeObjectURL(compressed.url);
        return;
      }
      update(id, { status: "ready", progress: 100, compressed, thumbnail: await makeThumbnail(result.blob) });
      log(
        compressed.preflight.ok ? "info" : "warn",
        `Compressed ${name}: ${size.width}x${size.height} ${bytes.length} B -> ${result.width}x${result.height} ${result.bytes.length} B in ${Math.round(result.durationMs)} ms${compressed.preflight.ok ? "" : "; it still fails the preflight"}.`,
      );
    } catch (error) {
      if (signal.aborted) return;
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      update(id, { status: "failed", error: message });
      log("error", `Compressing ${name} failed: ${message}`);
    }
  }

  return {
    pick(file, name, origin) {
      abort?.abort();
      abort = new AbortController();
      const id = ++counter;
      running = run(file, name, origin, id, abort.signal).catch((error: unknown) => {
        update(id, { status: "failed", error: String(error) });
        log("error", `${name}: ${error instanceof Error ? error.message : String(error)}`);
      });
      return running;
    },
    async whenReady() {
      // A pick made while waiting replaces `running`; wait until the latest one settles.
      let current: Promise<void>;
      do {
        current = running;
        await current;
      } while (current !== running);
      return store.get().image;
    },
  };
}

async function decodedSize(file: Blob): Promise<{ width: number; height: number } | undefined> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return undefined;
  }
}

function revoke(image: PickedImage | undefined): void {
  if (!image) return;
  URL.revokeObjectURL(image.original.url);
  if (image.compressed && !image.compressed.kept) URL.revokeObjectURL(image.compressed.url);
}
