/** The face scores of a FaceLivenessV2 answer (`Result.ExtFaceInfo`), renamed; scores are 0-100, higher is better. */
export interface FaceScores {
  /** `FaceQualityScore`. */
  readonly qualityScore: number;
  /** `OcclusionScore`. */
  readonly occlusionScore: number;
  /** `KaOcclusionScore`: occlusion of the key areas (eyes, nose, mouth). */
  readonly keyAreaOcclusionScore: number;
  /** `IlluminationScore`. */
  readonly illuminationScore: number;
  /** `SharpnessScore`. */
  readonly sharpnessScore: number;
  /** `FaceAttack`: whether a liveness attack (photo of a photo, screen, mask...) was detected. */
  readonly attack: boolean;
  /** `OcclusionResult`, when sent. */
  readonly occlusion?: boolean | undefined;
  /** `FaceAge`, when the model could tell. */
  readonly age?: number | undefined;
  /** `FaceGender`, when the model could tell. */
  readonly gender?: "M" | "F" | undefined;
  /** `FaceAttributeInfo`, as sent (a JSON text). */
  readonly attributes?: string | undefined;
}

/** A successful FaceLivenessV2 answer (billed): the verdict and the face scores. */
export interface FaceLivenessResult {
  readonly requestId: string;
  /** `Result.TransactionId`: quote it to Alibaba about this call. */
  readonly transactionId: string;
  /** `Result.Passed === "Y"`. */
  readonly passed: boolean;
  /** `Result.SubCode`: `200` passed, `205` liveness risk detected (see `SUB_CODES`). */
  readonly subCode: string;
  readonly face: FaceScores;
  /**
   * Through `@liveness-kit/edge-proxy` only: the proxy's signed receipt of this decision (a JWT). Hand it to
   * your server, which verifies it with `@liveness-kit/core/receipt`; Alibaba's own answer has none.
   */
  readonly receipt?: string | undefined;
}
