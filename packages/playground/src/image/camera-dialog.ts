import "@liveness-kit/capture";
import type { LivenessCapturedDetail, LivenessErrorDetail } from "@liveness-kit/capture";
import { h } from "../shell/h.js";

/** What the dialog tells the page besides the photo: the component's errors (camera refused, detector failed). */
export type CameraProblem = (detail: LivenessErrorDetail) => void;

/**
 * Opens `<liveness-capture capture-only>` (the one capture implementation of liveness-kit: live face guidance,
 * auto-capture or shutter, the API's 720x960 portrait crop) in a modal dialog, and resolves with what it took,
 * or undefined when cancelled. The component sends nothing: the playground's own pipeline takes the photo from
 * here. Loaded lazily with the component; its detector loads when the camera starts, from this app's origin.
 */
export async function captureWithComponent(
  onProblem: CameraProblem = () => {},
): Promise<LivenessCapturedDetail | undefined> {
  const capture = h("liveness-capture", { "capture-only": true, "data-testid": "camera-capture" });
  // The playground draws light, dark or high contrast; the component knows light and dark.
  capture.setAttribute("theme", document.documentElement.dataset.theme === "light" ? "light" : "dark");
  capture.strings = {
    title: "Take a photo with the camera",
    intro: "The photo is taken when your face is in the oval, or when you press Take photo.",
  };
  const cancel = h("button", { type: "button", class: "secondary" }, "Cancel");
  const dialog = h(
    "dialog",
    { class: "camera", "aria-label": "Take a photo with the camera", "data-testid": "camera-dialog" },
    capture,
    h("div", { class: "row" }, cancel),
  );
  document.body.appendChild(dialog);
  dialog.showModal();
  const listening = new AbortController();
  capture.addEventListener("liveness-error", (event) => onProblem(event.detail), {
    signal: listening.signal,
  });
  try {
    return await new Promise<LivenessCapturedDetail | undefined>((resolve) => {
      capture.addEventListener("liveness-captured", (event) => resolve(event.detail));
      cancel.addEventListener("click", () => resolve(undefined));
      // Escape closes a modal dialog.
      dialog.addEventListener("cancel", () => resolve(undefined));
      // Opened from the camera button's click: the browser still counts it as the person's gesture.
      void capture.start();
    });
  } finally {
    listening.abort();
    capture.reset();
    dialog.close();
    dialog.remove();
  }
}

/** One line for the log about how the photo was taken and what the detector saw. */
export function describeCapture(detail: LivenessCapturedDetail): string {
  const how =
    detail.source === "photo"
      ? "Chosen photo cropped to 720x960"
      : detail.auto
        ? "Camera photo taken by itself once every guidance check held"
        : `Camera photo taken with the shutter (guidance said: ${detail.guidance ?? "no detector"})`;
  const face = detail.face
    ? `face at ${Math.round(detail.face.box.x)},${Math.round(detail.face.box.y)} ` +
      `${Math.round(detail.face.box.width)}x${Math.round(detail.face.box.height)}, score ${detail.face.score.toFixed(2)}`
    : "no face seen";
  return `${how}; ${face}.`;
}
