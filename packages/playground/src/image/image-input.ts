import type { RequestDraft } from "../request/request-draft.js";
import type { ImagePipeline } from "./image-pipeline.js";
import type { ImageOrigin } from "./picked-image.js";

/** What picking an image uses of the app. */
export interface ImageInputDeps {
  readonly pipeline: ImagePipeline;
  /** A picked image switches the request to base64 mode. */
  updateDraft(patch: Partial<RequestDraft>): void;
  log(level: "info" | "warn" | "error", message: string): void;
  /** Shows the Log, where a camera failure is explained. */
  showLog(): void;
}

/** Every way an image comes in: files (picked, dropped, pasted) and the camera. */
export interface ImageInput {
  /** Takes the first image among `files` (or the first file, to explain why it is not one). */
  pickFiles(files: readonly File[], origin: ImageOrigin): void;
  openCamera(): Promise<void>;
}

/** Creates the {@link ImageInput} that feeds the image pipeline. */
export function createImageInput(deps: ImageInputDeps): ImageInput {
  const { pipeline, log } = deps;
  return {
    pickFiles(files, origin) {
      const file = files.find((candidate) => candidate.type.startsWith("image/")) ?? files[0];
      if (!file) return;
      deps.updateDraft({ imageSource: "base64" });
      void pipeline.pick(file, file.name || `${origin} image`, origin);
    },
    // The capture component (and, once the camera starts, its face detector) loads only when the camera is used.
    async openCamera() {
      try {
        const { captureWithComponent, describeCapture } = await import("./camera-dialog.js");
        const taken = await captureWithComponent((problem) => log("warn", `Camera: ${problem.message}`));
        if (!taken) return;
        log("info", describeCapture(taken));
        deps.updateDraft({ imageSource: "base64" });
        await pipeline.pick(taken.photo, "camera.jpg", "camera");
      } catch (error) {
        log("error", error instanceof Error ? error.message : String(error));
        deps.showLog();
      }
    },
  };
}

/**
 * Paste an image anywhere, drop one anywhere (not only on the drop zone) without the browser navigating to
 * it: `take` gets the files.
 */
export function listenForImages(
  target: Window,
  take: (files: File[], origin: "paste" | "drop") => void,
): void {
  target.addEventListener("paste", (event) => {
    const files = [...(event.clipboardData?.files ?? [])].filter((file) => file.type.startsWith("image/"));
    if (files.length === 0) return;
    event.preventDefault();
    take(files, "paste");
  });
  target.addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  target.addEventListener("drop", (event) => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    take(files, "drop");
  });
}
