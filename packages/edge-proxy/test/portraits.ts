// The generated test images, as the tests use them.
import { base64ToBytes } from "@liveness-kit/core/image";
import { inject } from "vitest";
import type { PortraitSet } from "./portrait-set.js";

/** The base64 of a generated test image. */
export function portraitBase64(name: keyof PortraitSet): string {
  return inject("portraits")[name];
}

/** The bytes of a generated test image. */
export function portraitBytes(name: keyof PortraitSet): Uint8Array {
  return base64ToBytes(portraitBase64(name));
}

/** A JPEG file of a generated test image, for multipart bodies. */
export function portraitFile(name: keyof PortraitSet): File {
  return new File([portraitBytes(name)], `${name}.jpg`, { type: "image/jpeg" });
}
