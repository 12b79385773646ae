import { ValidationError } from "../errors/index.js";
import { bytesToBase64 } from "../image/base64.js";
import { DEFAULT_PRODUCT_CODE, FACE_LIVENESS_ACTION, FACE_LIVENESS_VERSION } from "../spec/index.js";
import { encodeBase64FormBody } from "./encode-base64-form-body.js";
import { encodeBytesFormBody } from "./encode-bytes-form-body.js";
import type { FaceLivenessInput, FaceLivenessRequest } from "./face-liveness-input.js";
import {
  findInputIssues,
  isPictureSourceGiven,
  validateFaceLivenessInput,
} from "./validate-face-liveness-input.js";

/**
 * Validates `input` and splits it as the official SDK does: every parameter in `query` (named as Alibaba names
 * them, in the SDK's alphabetical order), and in base64 mode (`facePictureBase64` or `facePictureBytes`)
 * `FacePictureBase64` alone in a form body, encoded as Node's `querystring` encodes it, as bytes (`bodyBytes`). Throws one `ValidationError` listing every problem,
 * never another error.
 *
 * @example buildFaceLivenessRequest({ merchantBizId: createMerchantBizId(), merchantUserId: hashedId, facePictureUrl })
 */
export function buildFaceLivenessRequest(input: FaceLivenessInput): FaceLivenessRequest {
  // The base64 alphabet is checked by the encoder below, in the pass that encodes the body: a second pass over a
  // megabyte of text would cost as much as the encoding.
  if (findInputIssues(input, false).length > 0) throw invalid(input);

  const query: Record<string, string> = {};
  if (input.faceAttributeCheck !== undefined) query.FaceAttributeCheck = yesNo(input.faceAttributeCheck);
  if (isPictureSourceGiven(input.facePictureFile)) query.FacePictureFile = input.facePictureFile!;
  if (isPictureSourceGiven(input.facePictureUrl)) query.FacePictureUrl = input.facePictureUrl!;
  if (input.faceQualityCheck !== undefined) query.FaceQualityCheck = yesNo(input.faceQualityCheck);
  query.MerchantBizId = input.merchantBizId;
  query.MerchantUserId = input.merchantUserId;
  query.ProductCode = input.productCode ?? DEFAULT_PRODUCT_CODE;

  const base = { action: FACE_LIVENESS_ACTION, version: FACE_LIVENESS_VERSION, query } as const;
  const pictureBytes = input.facePictureBytes;
  const text = input.facePictureBase64;
  if (!isPictureSourceGiven(pictureBytes) && !isPictureSourceGiven(text)) return base;
  const bodyBytes = pictureBytes ? encodeBytesFormBody(pictureBytes) : encodeBase64FormBody(text!);
  if (!bodyBytes) throw invalid(input);
  let base64 = text;
  let body: string | undefined;
  return {
    ...base,
    // From bytes, the base64 text is made only if someone reads it: the body does not need it.
    form: {
      get FacePictureBase64() {
        base64 ??= bytesToBase64(pictureBytes!);
        return base64;
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
