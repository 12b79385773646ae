import { checkImage } from "@liveness-kit/core/image";
import { centredPortrait } from "../crop/portrait-crop.js";
import type { Box, DetectedFace, FaceDetector, FaceDetectorLoader } from "../detector/face-detector.js";
import type {
  CaptureState,
  LivenessCompleteDetail,
  LivenessErrorCode,
  LivenessErrorDetail,
  LivenessStateDetail,
} from "../element/events.js";
import { evaluateFrame, type GuidanceIssue } from "../guidance/evaluate-frame.js";
import { createHoldTimer } from "../guidance/hold-timer.js";
import { measurePixels } from "../guidance/pixel-stats.js";
import { DEFAULT_THRESHOLDS, type GuidanceThresholds } from "../guidance/thresholds.js";
import type { CaptureStrings, StringKey } from "../strings/strings.js";
import { cameraErrorCode, openFrontCamera, stopStream } from "./camera.js";
import { compressPortrait, DEFAULT_COMPRESSION_LIB_URL } from "./compress.js";
import { cropPortraitJpeg, drawRegion, makeCanvas, scaleBox } from "./draw.js";
import { withFirstToken } from "./first-token.js";
import { nextFrame } from "./next-frame.js";
import { findPhotoFace } from "./photo-face.js";
import { randomMerchantBizId, type SendSettings, sendPhoto, toSendError } from "./send.js";

/** What the flow needs from the element. */
export interface FlowHost {
  readonly video: HTMLVideoElement;
  readonly still: HTMLImageElement;
  readonly stage: HTMLElement;
  readonly progress: HTMLProgressElement;
  settings(): SendSettings & {
    readonly thresholds: Partial<GuidanceThresholds> | undefined;
    readonly detector: FaceDetectorLoader | undefined;
    readonly compressionLibUrl: string | undefined;
  };
  readonly metrics: {
    permissionToGuidanceMs: number;
    guidanceUpdates: number;
    guidanceMs: number;
    detector: string;
  };
  text(): CaptureStrings;
  setState(state: CaptureState, key: StringKey, values?: Record<string, string | number>): void;
  guide(guidance: LivenessStateDetail["guidance"], key: StringKey): void;
  complete(detail: LivenessCompleteDetail): void;
  fail(detail: LivenessErrorDetail): void;
}

/** The detector sees the view at this width (the preview's 3:4 portrait, scaled down): enough for a face that fills the oval. */
const DETECT_WIDTH = 360;
const DETECT_HEIGHT = 480;

const ISSUE_KEYS: Record<GuidanceIssue, StringKey> = {
  noFace: "noFace",
  manyFaces: "manyFaces",
  tooFar: "tooFar",
  tooClose: "tooClose",
  offCentre: "offCentre",
  turned: "turned",
  tilted: "tilted",
  tooDark: "tooDark",
  tooBright: "tooBright",
  backlit: "backlit",
  blurry: "blurry",
};

const ERROR_KEYS: Record<LivenessErrorCode, StringKey> = {
  camera_denied: "cameraDenied",
  no_camera: "noCamera",
  camera_failed: "cameraFailed",
  detector_failed: "guideFailed",
  invalid_photo: "photoProblem",
  network: "network",
  refused: "refused",
  setup: "setupError",
};

const defaultDetector: FaceDetectorLoader = () =>
  import("../detector/face-api-detector.js").then((module) => module.createFaceApiDetector());

/** One person's check: camera or photo, guidance, capture, compression, sending. One per element. */
export class CaptureFlow {
  #stream: MediaStream | undefined;
  #detector: Promise<FaceDetector> | undefined;
  #run = 0;
  #abort: AbortController | undefined;
  #lastFace: Box | undefined;
  #pendingBizId: string | undefined;
  #lastSource: "camera" | "photo" = "camera";

  constructor(private readonly host: FlowHost) {}

  #thresholds(): GuidanceThresholds {
    return { ...DEFAULT_THRESHOLDS, ...this.host.settings().thresholds };
  }

  #loadDetector(): Promise<FaceDetector> {
    this.#detector ??= (this.host.settings().detector ?? defaultDetector)();
    // A failed load may work next time (a flaky network): do not keep the rejection.
    this.#detector.catch(() => {
      this.#detector = undefined;
    });
    return this.#detector;
  }

  /** Stops the camera and any work in progress. */
  stop(): void {
    this.#run++;
    this.#abort?.abort(new DOMException("stopped", "AbortError"));
    stopStream(this.#stream);
    this.#stream = undefined;
    this.host.video.srcObject = null;
  }

  #fail(
    code: LivenessErrorCode,
    retryable: boolean,
    extra: Partial<LivenessErrorDetail> = {},
    values = {},
  ): void {
    const key = ERROR_KEYS[code];
    const state: CaptureState = code === "camera_denied" || code === "no_camera" ? "photo" : "error";
    this.host.setState(state, key, values);
    const message = this.host.text()[key];
    this.host.fail({ code, retryable, message, ...extra });
  }

  /** The camera runs but the detector does not: say so, keep the shutter, and tell the app. */
  #guidanceFailed(): void {
    this.host.guide(undefined, "guideFailed");
    this.host.fail({ code: "detector_failed", retryable: true, message: this.host.text().guideFailed });
  }

  async retry(): Promise<void> {
    if (this.#lastSource === "photo") {
      this.host.setState("photo", "photoIntro");
      return;
    }
    await this.startCamera();
  }

  async startCamera(): Promise<void> {
    this.stop();
    this.#lastSource = "camera";
    const run = this.#run;
    const { host } = this;
    host.still.hidden = true;
    host.video.hidden = false;
    host.setState("starting", "starting");
    const detector = this.#loadDetector();
    detector.catch(() => {});
    let stream: MediaStream;
    try {
      stream = await openFrontCamera();
    } catch (error) {
      const code = cameraErrorCode(error);
      this.#fail(code, code !== "no_camera");
      return;
    }
    if (run !== this.#run) {
      stopStream(stream);
      return;
    }
    const granted = performance.now();
    this.#stream = stream;
    host.video.srcObject = stream;
    try {
      await host.video.play();
    } catch {
      if (run === this.#run) this.#fail("camera_failed", true);
      return;
    }
    host.setState("guiding", "loadingGuide");
    let loaded: FaceDetector;
    try {
      loaded = await detector;
    } catch {
      // Without guidance the person can still line up and press the shutter.
      if (run === this.#run) this.#guidanceFailed();
      return;
    }
    if (run !== this.#run) return;
    host.metrics.detector = loaded.name;
    await this.#guideLoop(loaded, run, granted);
  }

  async #guideLoop(detector: FaceDetector, run: number, granted: number): Promise<void> {
    const { host } = this;
    const thresholds = this.#thresholds();
    const hold = createHoldTimer(thresholds.holdMs, thresholds.holdFrames);
    const { context } = makeCanvas(DETECT_WIDTH, DETECT_HEIGHT);
    const metrics = host.metrics;
    metrics.guidanceUpdates = 0;
    metrics.permissionToGuidanceMs = Number.NaN;
    const started = performance.now();
    let shown: GuidanceIssue | "ok" | undefined;
    let candidate: GuidanceIssue | "ok" | undefined;
    let agreeing = 0;
    while (run === this.#run) {
      const video = host.video;
      if (video.videoWidth === 0) {
        await nextFrame();
        continue;
      }
      const view = centredPortrait({ width: video.videoWidth, height: video.videoHeight });
      const pixels = drawRegion(context, video, view);
      let faces: DetectedFace[];
      try {
        faces = await detector.detect(context.canvas);
      } catch {
        if (run === this.#run) this.#guidanceFailed();
        return;
      }
      if (run !== this.#run) return;
      const stats = faces.length === 1 && faces[0] ? measurePixels(pixels, faces[0].box) : undefined;
      const verdict = evaluateFrame(faces, { width: DETECT_WIDTH, height: DETECT_HEIGHT }, stats, thresholds);
      const now = performance.now();
      if (metrics.guidanceUpdates === 0) metrics.permissionToGuidanceMs = now - granted;
      metrics.guidanceUpdates++;
      metrics.guidanceMs = now - started;
      this.#lastFace = verdict.face ? scaleBox(verdict.face.box, view.width / DETECT_WIDTH, view) : undefined;
      const ready = hold.update(verdict.ok, now);
      // A new instruction is shown once two frames in a row agree, so a flickering detection does not make
      // the live region (and a screen reader) chatter.
      const guidance = verdict.ok ? "ok" : verdict.issue;
      agreeing = guidance === candidate ? agreeing + 1 : 1;
      candidate = guidance;
      if (shown === undefined || agreeing >= 2) {
        shown = guidance;
        host.guide(guidance, verdict.ok ? "holdStill" : ISSUE_KEYS[verdict.issue]);
      }
      if (ready) {
        await this.#captureFromVideo(run);
        return;
      }
      await nextFrame();
    }
  }

  /** The shutter: takes the photo now from the camera, framed on the last face seen (or the oval). */
  async shutter(): Promise<void> {
    if (!this.#stream) return;
    await this.#captureFromVideo(this.#run);
  }

  async #captureFromVideo(run: number): Promise<void> {
    const video = this.host.video;
    const source = { width: video.videoWidth, height: video.videoHeight };
    const view = centredPortrait(source);
    // Without a face seen, frame the oval: it is 70% of the view wide in the template.
    const face = this.#lastFace ?? {
      x: view.x + view.width * 0.15,
      y: view.y + view.height * 0.15,
      width: view.width * 0.7,
      height: view.height * 0.7,
    };
    // A new run: the guidance loop ends, and a later stop() drops this one.
    if (run !== this.#run) return;
    const next = ++this.#run;
    // Drawn now, while the camera still gives frames; encoded after it is off.
    const encoding = cropPortraitJpeg(video, source, face);
    stopStream(this.#stream);
    this.#stream = undefined;
    const blob = await encoding;
    this.#showStill(blob);
    await this.#prepareAndSend(blob, next);
  }

  /** The photo fallback: the same checks on a still, then the same crop and sending. */
  async usePhoto(file: Blob): Promise<void> {
    this.stop();
    this.#lastSource = "photo";
    const run = this.#run;
    const { host } = this;
    host.setState("photo", "checkingPhoto");
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch {
      this.#fail("invalid_photo", true, {}, { reason: "" });
      return;
    }
    let detector: FaceDetector;
    try {
      detector = await this.#loadDetector();
    } catch {
      this.#fail("detector_failed", true);
      return;
    }
    if (run !== this.#run) return;
    const found = await findPhotoFace(bitmap, detector, this.#thresholds());
    if (run !== this.#run) return;
    if ("issue" in found) {
      this.#fail("invalid_photo", true, {}, { reason: host.text()[ISSUE_KEYS[found.issue]] });
      return;
    }
    const blob = await cropPortraitJpeg(bitmap, bitmap, found.face);
    this.#showStill(blob);
    await this.#prepareAndSend(blob, run);
  }

  #showStill(blob: Blob): void {
    const { still, video } = this.host;
    if (still.src) URL.revokeObjectURL(still.src);
    still.src = URL.createObjectURL(blob);
    still.hidden = false;
    video.hidden = true;
  }

  async #prepareAndSend(photo: Blob, run: number): Promise<void> {
    const { host } = this;
    const settings = host.settings();
    host.setState("preparing", "preparing");
    let bytes: Uint8Array;
    try {
      bytes = await compressPortrait(photo, settings.compressionLibUrl ?? DEFAULT_COMPRESSION_LIB_URL());
    } catch {
      bytes = new Uint8Array(await photo.arrayBuffer());
    }
    if (run !== this.#run) return;
    const report = checkImage(bytes, { mode: "base64" });
    if (!report.ok) {
      this.#fail("invalid_photo", true, {}, { reason: report.problems.map((p) => p.message).join(" ") });
      return;
    }
    host.setState("sending", "sending", { percent: 0 });
    this.#abort = new AbortController();
    let merchantBizId = "";
    try {
      // The first token is fetched before the MerchantBizId is read: an app that sets both from one call to its
      // server (the example does) has set it by then.
      const sending = await withFirstToken(settings);
      const fresh = host.settings();
      // One MerchantBizId per check: kept across retries of the same photo, so the proxy bills it once.
      this.#pendingBizId ??= randomMerchantBizId();
      merchantBizId = fresh.merchantBizId || this.#pendingBizId;
      if (run !== this.#run) return;
      const answer = await sendPhoto(
        bytes,
        { ...fresh, getToken: sending.getToken },
        merchantBizId,
        (fraction) => {
          const percent = Math.round(fraction * 100);
          host.progress.value = percent;
          host.setState("sending", "sending", { percent });
        },
        this.#abort.signal,
      );
      if (run !== this.#run) return;
      this.#pendingBizId = undefined;
      host.setState(answer.passed ? "complete" : "not-passed", answer.passed ? "passed" : "notPassed");
      host.complete({ passed: answer.passed, merchantBizId, answer });
    } catch (caught) {
      if (run !== this.#run) return;
      const error = toSendError(caught);
      const values = { code: error.detail.proxyCode ?? error.detail.code };
      host.setState("error", error.key, values);
      host.fail({ ...error.detail, message: host.text()[error.key].replace("{code}", values.code) });
      if (!error.detail.retryable) this.#pendingBizId = undefined;
    }
  }
}
