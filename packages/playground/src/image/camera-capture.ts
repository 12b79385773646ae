import { h } from "../shell/h.js";

/** Thrown when the camera cannot be used (no API, no camera, permission refused). */
export class CameraUnavailableError extends Error {
  override name = "CameraUnavailableError";
}

/**
 * Opens the front camera in a modal dialog with a portrait framing guide, and resolves with the captured
 * photo (a 3:4 portrait JPEG cropped from the centre of the frame, un-mirrored), or undefined when cancelled.
 * The stream is stopped whatever happens. Loaded lazily: camera code is not part of the first load.
 */
export async function captureFromCamera(): Promise<Blob | undefined> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new CameraUnavailableError("This browser offers no camera API here (it needs https or localhost).");
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: "user", width: { ideal: 1920 }, height: { ideal: 1080 } },
      audio: false,
    });
  } catch (error) {
    const reason = error instanceof DOMException ? error.name : String(error);
    throw new CameraUnavailableError(
      reason === "NotAllowedError"
        ? "Camera permission was refused."
        : `No camera could be opened (${reason}).`,
    );
  }
  const video = h("video", {
    autoplay: true,
    playsinline: true,
    muted: true,
    "aria-label": "Camera preview",
  });
  video.srcObject = stream;
  const guide = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  guide.setAttribute("class", "guide");
  guide.setAttribute("viewBox", "0 0 300 400");
  guide.setAttribute("aria-hidden", "true");
  // An oval where the face goes: the API wants the face to fill over 60% of the picture.
  guide.innerHTML =
    '<defs><mask id="cam-mask"><rect width="300" height="400" fill="white"/><ellipse cx="150" cy="185" rx="105" ry="140" fill="black"/></mask></defs>' +
    '<rect width="300" height="400" fill="rgba(0,0,0,0.45)" mask="url(#cam-mask)"/>' +
    '<ellipse cx="150" cy="185" rx="105" ry="140" fill="none" stroke="white" stroke-width="3" stroke-dasharray="8 6"/>';
  const capture = h("button", { type: "button", class: "primary" }, "Capture");
  const cancel = h("button", { type: "button", class: "secondary" }, "Cancel");
  const dialog = h(
    "dialog",
    { class: "camera", "aria-labelledby": "camera-title" },
    h("h2", { id: "camera-title", style: "margin-top: 0" }, "Take a photo"),
    h("p", { class: "help" }, "Face the camera, fill the oval, even light, nothing covering the face."),
    h("div", { class: "stage" }, video, guide),
    h("div", { class: "row" }, cancel, capture),
  );
  document.body.appendChild(dialog);
  dialog.showModal();
  capture.focus();
  try {
    return await new Promise<Blob | undefined>((resolve, reject) => {
      cancel.addEventListener("click", () => resolve(undefined));
      dialog.addEventListener("cancel", () => resolve(undefined));
      capture.addEventListener("click", () => {
        grabPortrait(video).then(resolve, reject);
      });
    });
  } finally {
    for (const track of stream.getTracks()) track.stop();
    dialog.close();
    dialog.remove();
  }
}

/** Crops the largest centred 3:4 portrait from the current frame and encodes it as JPEG at quality 0.95. */
async function grabPortrait(video: HTMLVideoElement): Promise<Blob> {
  const vw = video.videoWidth;
  const vh = video.videoHeight;
  if (!vw || !vh) throw new CameraUnavailableError("The camera has not delivered a frame yet; try again.");
  const height = Math.min(vh, Math.floor((vw * 4) / 3));
  const width = Math.floor((height * 3) / 4);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new CameraUnavailableError("2D canvas is not available.");
  ctx.drawImage(video, (vw - width) / 2, (vh - height) / 2, width, height, 0, 0, width, height);
  return canvas.convertToBlob({ type: "image/jpeg", quality: 0.95 });
}
