import type { LivenessErrorCode } from "../element/events.js";

/** Opens the front camera. Must run from a user gesture on iOS Safari. */
export async function openFrontCamera(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    // No API: an insecure (http) page or a WebView without camera support.
    throw Object.assign(new Error("getUserMedia is not available"), { name: "NotFoundError" });
  }
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { facingMode: "user", width: { ideal: 1280 }, height: { ideal: 960 } },
  });
}

/** What a `getUserMedia` failure means for the person. */
export function cameraErrorCode(error: unknown): LivenessErrorCode {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "camera_denied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "TypeError") return "no_camera";
  return "camera_failed";
}

/** Stops every track, so the camera light goes off. */
export function stopStream(stream: MediaStream | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
