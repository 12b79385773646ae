import type { FaceLivenessResult } from "@liveness-kit/core/response";
import type { GuidanceIssue } from "../guidance/evaluate-frame.js";

/** The steps of a check, in `liveness-state` events and the element's `data-state` attribute. */
export type CaptureState =
  | "idle"
  | "starting"
  | "guiding"
  | "preparing"
  | "sending"
  | "complete"
  | "not-passed"
  | "photo"
  | "error";

/** The proxy's answer as the element hands it on: the result, and the signed receipt the app's server verifies. */
export type LivenessAnswer = FaceLivenessResult & {
  /** The proxy's signed receipt (a JWT); send it to your server and verify it there, never trust `passed` here. */
  readonly receipt?: string;
};

/** `liveness-complete`: the API decided. `passed` false is a decided "not passed", not an error. */
export interface LivenessCompleteDetail {
  readonly passed: boolean;
  readonly merchantBizId: string;
  readonly answer: LivenessAnswer;
}

/** Why a check stopped without a decision. */
export type LivenessErrorCode =
  | "camera_denied"
  | "no_camera"
  | "camera_failed"
  | "detector_failed"
  | "invalid_photo"
  | "network"
  | "refused"
  | "setup";

/** `liveness-error`: what went wrong and whether trying again can help. */
export interface LivenessErrorDetail {
  readonly code: LivenessErrorCode;
  /** The text the element shows (in its locale). */
  readonly message: string;
  /** True when "try again" (same settings) may succeed. */
  readonly retryable: boolean;
  /** The proxy's error code, for `refused`. */
  readonly proxyCode?: string | undefined;
  /** The proxy's request id, to quote in support requests. */
  readonly requestId?: string | undefined;
}

/** `liveness-state`: every step and every change of guidance, for apps that draw their own UI. */
export interface LivenessStateDetail {
  readonly state: CaptureState;
  /** The text the element shows for this step. */
  readonly message: string;
  /** While guiding: what the person should fix, or "ok" while the photo is about to be taken. */
  readonly guidance?: GuidanceIssue | "ok" | undefined;
}

/** The element's events, for `addEventListener` typings. */
export interface LivenessCaptureEventMap extends HTMLElementEventMap {
  "liveness-complete": CustomEvent<LivenessCompleteDetail>;
  "liveness-error": CustomEvent<LivenessErrorDetail>;
  "liveness-state": CustomEvent<LivenessStateDetail>;
}
