import { ValidationError, type ValidationIssue } from "../errors/index.js";
import { bytesToBase64 } from "../image/base64.js";
import {
  DEFAULT_PRODUCT_CODE,
  FACE_LIVENESS_ACTION,
  FACE_LIVENESS_VERSION,
  IMAGE_LIMITS,
} from "../spec/index.js";
import { isCanonicalBase64Of } from "./canonical-base64.js";
import { encodeBase64FormBody, encodeTrustedBase64FormBody } from "./encode-base64-form-body.js";
import { encodeBytesFormBody } from "./encode-bytes-form-body.js";
import type { FaceLivenessInput, FaceLivenessRequest } from "./face-liveness-input.js";
import {
  findInputIssues,
  isPictureSourceGiven,
  validateFaceLivenessInput,
} from "./validate-face-liveness-input.js";

/**
 * Validates `input` and splits it as the official SDK does: every parameter in `query` (named as Alibaba names
 * them, in the SDK's alphabetical order), and in base64 mode `FacePictureBase64` alone in a form body, encoded as
 * Node's `querystring` encodes it, as bytes (`bodyBytes`). Throws one `ValidationError` listing every problem,
 * never another error.
 *
 * @example buildFaceLivenessRequest({ merchantBizId: createMerchantBizId(), merchantUserId: hashedId, facePictureUrl })
 */
export function buildFaceLivenessRequest(input: FaceLivenessInput): FaceLivenessRequest {
  // The base64 alphabet is checked by the encoder below, in the pass that encodes the body: a second pass over a
  // megabyte of text would cost as much as the encoding.
  if (findInputIssues(input, false).length > 0) throw invalid(input);
  const base64 = input.facePictureBase64;
  if (!isPictureSourceGiven(base64)) return split(input);
  const bodyBytes = encodeBase64FormBody(base64!);
  if (!bodyBytes) throw invalid(input);
  return withFormBody(split(input), bodyBytes, () => base64!);
}

/**
 * `buildFaceLivenessRequest` for a picture held as bytes (a JPEG or PNG), given instead of `facePictureBase64`:
 * the same request as with their standard base64 there, but the bytes go straight into the form body (where the
 * runtime has no native base64, in one pass with no base64 text between; see `encodeBytesFormBody`). `input`
 * holds no picture source of its own. Throws one `ValidationError` listing every problem (`pictureBytes` empty
 * or over `IMAGE_LIMITS.maxBytes` among them), never another error. `form.FacePictureBase64` is encoded when read.
 *
 * `options.base64`: the text `pictureBytes` were decoded from by a strict decoder (core's `base64ToBytes`), when
 * the caller has it. If it is their canonical base64 (`isCanonicalBase64Of`) it goes into the body as it is, and the
 * bytes are not encoded again (in workerd that saves toBase64 and a fresh copy of the text: about 0.1 ms for 600
 * KB); otherwise the bytes are encoded. Give no other text: one that did not decode to these bytes would be sent
 * in their place.
 *
 * @example buildFaceLivenessRequestFromBytes({ merchantBizId, merchantUserId }, jpegBytes)
 */
export function buildFaceLivenessRequestFromBytes(
  input: FaceLivenessInput,
  pictureBytes: Uint8Array,
  options: { base64?: string } = {},
): FaceLivenessRequest {
  const issues: ValidationIssue[] = [];
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    issues.push(...findInputIssues(input, true));
  } else {
    const given = PICTURE_SOURCES.filter((name) => isPictureSourceGiven(input[name]));
    if (given.length > 0) {
      const message = `give the picture as bytes or as ${given.join(", ")}, not both`;
      issues.push({ field: "facePicture", code: "one_picture_source", message });
    }
    // The rest of the input is judged as in base64 mode, a stand-in for the picture; the bytes on their own.
    const rest = {
      ...input,
      facePictureUrl: undefined,
      facePictureFile: undefined,
      facePictureBase64: "AAAA",
    };
    issues.push(...findInputIssues(rest, true));
  }
  if (!(pictureBytes instanceof Uint8Array) || pictureBytes.length === 0) {
    issues.push({ field: "pictureBytes", code: "required", message: "must be non-empty bytes" });
  } else if (pictureBytes.length > IMAGE_LIMITS.maxBytes) {
    issues.push({
      field: "pictureBytes",
      code: "too_large",
      message: `is ${pictureBytes.length} bytes; at most ${IMAGE_LIMITS.maxBytes} (1 MB)`,
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  let base64 =
    typeof options.base64 === "string" && isCanonicalBase64Of(options.base64, pictureBytes)
      ? options.base64
      : undefined;
  // The caller's text is base64 by construction (it decoded strictly): the pass need not check the alphabet.
  const body = base64 === undefined ? encodeBytesFormBody(pictureBytes) : encodeTrustedBase64FormBody(base64);
  return withFormBody(split(input), body, () => {
    base64 ??= bytesToBase64(pictureBytes);
    return base64;
  });
}

const PICTURE_SOURCES = ["facePictureBase64", "facePictureUrl", "facePictureFile"] as const;

// Every parameter but the picture's bytes, in the query.
function split(input: FaceLivenessInput): FaceLivenessRequest {
  const query: Record<string, string> = {};
  if (input.faceAttributeCheck !== undefined) query.FaceAttributeCheck = yesNo(input.faceAttributeCheck);
  if (isPictureSourceGiven(input.facePictureFile)) query.FacePictureFile = input.facePictureFile!;
  if (isPictureSourceGiven(input.facePictureUrl)) query.FacePictureUrl = input.facePictureUrl!;
  if (input.faceQualityCheck !== undefined) query.FaceQualityCheck = yesNo(input.faceQualityCheck);
  query.MerchantBizId = input.merchantBizId;
  query.MerchantUserId = input.merchantUserId;
  query.ProductCode = input.productCode ?? DEFAULT_PRODUCT_CODE;
  return { action: FACE_LIVENESS_ACTION, version: FACE_LIVENESS_VERSION, query };
}

// Base64 mode: the form body as bytes, and as text and form fields when someone reads them.
function withFormBody(
  request: FaceLivenessRequest,
  bodyBytes: Uint8Array<ArrayBuffer>,
  base64: () => string,
): FaceLivenessRequest {
  let body: string | undefined;
  return {
    ...request,
    form: {
      get FacePictureBase64() {
        return base64();
      },
    },
    bodyBytes,
    get body() {
      body ??= new TextDecoder().decode(bodyBytes);
      return body;
    },
    contentType: "application/x-www-form-urlencoded",
  };
}

// The full report, alphabet scan included; only bad input pays for it.
function invalid(input: unknown): ValidationError {
  return new ValidationError(validateFaceLivenessInput(input));
}

function yesNo(value: boolean): "Y" | "N" {
  return value ? "Y" : "N";
}
