import { Base64Error, base64ToBytes, IMAGE_LIMITS } from "@liveness-kit/core";
import { AcsError } from "../gateway/acs-error.js";
import { downloadPicture } from "./download-picture.js";
import type { PictureSource } from "./face-liveness-parameters.js";
import { hostReachability } from "./host-reachability.js";
import type { ObjectStore } from "./object-store.js";
import { parseObjectUrl } from "./upload-bucket.js";

/** What loading a picture needs from the emulator. */
export interface PictureContext {
  objects: ObjectStore;
  allowLoopbackUrls: boolean;
  downloadTimeoutMs: number;
  fetch: typeof fetch;
  now: number;
  signal?: AbortSignal;
}

/**
 * The bytes of the picture, from whichever of the three sources the call used:
 * - base64: at most 1 MB of base64 text (Alibaba's transfer limit: "keep the original under 0.6 MB"), strictly
 *   decoded by core (`InvalidParameter` otherwise);
 * - URL: https only (`InvalidParameter`), except loopback http/https when `allowLoopbackUrls` is set; hosts that
 *   Alibaba could not reach (loopback, private networks) answer `DownloadTimeout` without a fetch;
 * - file: an object uploaded through `AuthorizeFileUpload` + PostObject, named by its URL.
 */
export async function loadPicture(source: PictureSource, context: PictureContext): Promise<Uint8Array> {
  if (source.mode === "base64") return decodeBase64Picture(source.value);
  if (source.mode === "file") {
    const object = parseObjectUrl(source.value);
    const stored = object && context.objects.get(object.bucket, object.key, context.now);
    if (!stored) {
      throw new AcsError(
        "InvalidParameter",
        "FacePictureFile names no uploaded object: upload it with AuthorizeFileUpload first (objects expire).",
      );
    }
    return stored.bytes;
  }
  return downloadPicture(checkPictureUrl(source.value, context.allowLoopbackUrls), {
    fetch: context.fetch,
    timeoutMs: context.downloadTimeoutMs,
    maxBytes: IMAGE_LIMITS.maxBytes,
    ...(context.signal ? { signal: context.signal } : {}),
  });
}

function decodeBase64Picture(text: string): Uint8Array {
  if (text.length > IMAGE_LIMITS.maxBytes) {
    throw new AcsError(
      "ToolargeImage",
      `FacePictureBase64 is over ${IMAGE_LIMITS.maxBytes} characters (1 MB); keep the image under 0.6 MB before base64.`,
    );
  }
  try {
    return base64ToBytes(text);
  } catch (error) {
    if (error instanceof Base64Error) {
      throw new AcsError("InvalidParameter", "FacePictureBase64 is invalid: it is not standard base64.");
    }
    throw error;
  }
}

function checkPictureUrl(value: string, allowLoopbackUrls: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AcsError("InvalidParameter", "FacePictureUrl is invalid: it is not a URL.");
  }
  const reach = hostReachability(url.hostname);
  const loopbackAllowed = allowLoopbackUrls && reach === "loopback";
  if (url.protocol !== "https:" && !(loopbackAllowed && url.protocol === "http:")) {
    throw new AcsError("InvalidParameter", "FacePictureUrl is invalid: it must be an https URL.");
  }
  if (url.username || url.password) {
    throw new AcsError("InvalidParameter", "FacePictureUrl is invalid: it must not hold credentials.");
  }
  if (reach !== "public" && !loopbackAllowed) {
    throw new AcsError(
      "DownloadTimeout",
      "FacePictureUrl could not be downloaded: its host is not publicly reachable from Alibaba's servers.",
    );
  }
  return url;
}
