import { ValidationError } from "../errors/index.js";
import { DEFAULT_PRODUCT_CODE, FACE_LIVENESS_ACTION, FACE_LIVENESS_VERSION } from "../spec/index.js";
import { encodeBase64FormValue } from "./encode-form-body.js";
import type { FaceLivenessInput, FaceLivenessRequest } from "./face-liveness-input.js";
import { isPictureSourceGiven, validateFaceLivenessInput } from "./validate-face-liveness-input.js";

/**
 * Validates `input` and splits it as the official SDK does: every parameter in `query` (named as Alibaba names
 * them, in the SDK's alphabetical order), and in base64 mode `FacePictureBase64` alone in a form body, encoded as
 * Node's `querystring` encodes it. Throws one `ValidationError` listing every problem, never another error.
 *
 * @example buildFaceLivenessRequest({ merchantBizId: createMerchantBizId(), merchantUserId: hashedId, facePictureUrl })
 */
export function buildFaceLivenessRequest(input: FaceLivenessInput): FaceLivenessRequest {
  const issues = validateFaceLivenessInput(input);
  if (issues.length > 0) throw new ValidationError(issues);

  const query: Record<string, string> = {};
  if (input.faceAttributeCheck !== undefined) query.FaceAttributeCheck = yesNo(input.faceAttributeCheck);
  if (isPictureSourceGiven(input.facePictureFile)) query.FacePictureFile = input.facePictureFile!;
  if (isPictureSourceGiven(input.facePictureUrl)) query.FacePictureUrl = input.facePictureUrl!;
  if (input.faceQualityCheck !== undefined) query.FaceQualityCheck = yesNo(input.faceQualityCheck);
  query.MerchantBizId = input.merchantBizId;
  query.MerchantUserId = input.merchantUserId;
  query.ProductCode = input.productCode ?? DEFAULT_PRODUCT_CODE;

  const base = { action: FACE_LIVENESS_ACTION, version: FACE_LIVENESS_VERSION, query } as const;
  const base64 = input.facePictureBase64;
  if (!isPictureSourceGiven(base64)) return base;
  return {
    ...base,
    form: { FacePictureBase64: base64! },
    // The validation above checked the alphabet, which is what makes the fast encoder exact here.
    body: `FacePictureBase64=${encodeBase64FormValue(base64!)}`,
    contentType: "application/x-www-form-urlencoded",
  };
}

function yesNo(value: boolean): "Y" | "N" {
  return value ? "Y" : "N";
}
