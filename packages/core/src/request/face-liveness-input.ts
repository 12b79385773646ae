import type { FACE_LIVENESS_ACTION, FACE_LIVENESS_VERSION, ProductCode } from "../spec/index.js";

/** What the caller asks FaceLivenessV2 to check, in TypeScript's words. */
export interface FaceLivenessInput {
  /** Letters and digits, 1-32; unique per call (`createMerchantBizId()` makes one). */
  readonly merchantBizId: string;
  /** The caller's user id; Alibaba asks that it be hashed before it is sent. */
  readonly merchantUserId: string;
  /** Defaults to `FACE_LIVENESS_MIN_PRO`. */
  readonly productCode?: ProductCode | undefined;
  /** Base64 of a JPEG or PNG (no `data:` prefix). Exactly one of the three picture sources. */
  readonly facePictureBase64?: string | undefined;
  /** A public https URL of the image. Exactly one of the three picture sources. */
  readonly facePictureUrl?: string | undefined;
  /** The URL of an object uploaded for file-stream mode (it may be http). Exactly one of the three picture sources. */
  readonly facePictureFile?: string | undefined;
  /** Reject low-quality photos with `UnqualifiedPhoto` (sent as `Y`/`N`; Alibaba's default is `N`). */
  readonly faceQualityCheck?: boolean | undefined;
  /** The undocumented `FaceAttributeCheck` switch (sent as `Y`/`N`). */
  readonly faceAttributeCheck?: boolean | undefined;
}

/** A validated FaceLivenessV2 call, split the way the official SDK splits it. */
export interface FaceLivenessRequest {
  readonly action: typeof FACE_LIVENESS_ACTION;
  readonly version: typeof FACE_LIVENESS_VERSION;
  /** Every parameter but the image: the query string. */
  readonly query: Readonly<Record<string, string>>;
  /** Base64 mode only: the form fields, `FacePictureBase64` alone. */
  readonly form?: { readonly FacePictureBase64: string } | undefined;
  /**
   * Base64 mode only: the form body to sign and send, as bytes: `form` encoded as Node's `querystring.stringify`
   * does (`FacePictureBase64=...`). Pass it to `signRequest` and `fetch` as it is: no copy, no re-encoding.
   */
  readonly bodyBytes?: Uint8Array<ArrayBuffer> | undefined;
  /**
   * Base64 mode only: the same body as text, made from `bodyBytes` the first time it is read (kept for code
   * written before `bodyBytes`; sending `bodyBytes` saves encoding it again).
   */
  readonly body?: string | undefined;
  /** Base64 mode only: the content type of the body. */
  readonly contentType?: "application/x-www-form-urlencoded" | undefined;
}
