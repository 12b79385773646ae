import { isMerchantBizId, isProductCode, type ProductCode } from "@liveness-kit/core";
import { AcsError } from "../gateway/acs-error.js";

/** Where the picture comes from: exactly one of the three modes. */
export type PictureSource =
  | { mode: "base64"; value: string }
  | { mode: "url"; value: string }
  | { mode: "file"; value: string };

/** The parameters of a FaceLivenessV2 call, checked. */
export interface FaceLivenessParameters {
  productCode: ProductCode;
  merchantBizId: string;
  merchantUserId: string;
  picture: PictureSource;
  faceQualityCheck: boolean;
  faceAttributeCheck: boolean;
}

const REQUIRED = ["ProductCode", "MerchantBizId", "MerchantUserId"] as const;

/**
 * Reads and checks FaceLivenessV2's parameters (query and form body together) in the order Alibaba's product
 * answers: `MissingParameter` for a required one, `InvalidParameter` for a bad value, then the picture source,
 * `MissingParameter` when none is given and `DataDuplication` when several are. Messages name the parameter,
 * never its value.
 */
export function readFaceLivenessParameters(params: URLSearchParams): FaceLivenessParameters {
  for (const name of REQUIRED) {
    if (!params.get(name)) throw new AcsError("MissingParameter", `${name} is mandatory for this action.`);
  }
  const productCode = params.get("ProductCode") ?? "";
  if (!isProductCode(productCode)) {
    throw new AcsError("InvalidParameter", "ProductCode is invalid: expected FACE_LIVENESS_MIN_PRO.");
  }
  const merchantBizId = params.get("MerchantBizId") ?? "";
  if (!isMerchantBizId(merchantBizId)) {
    throw new AcsError(
      "InvalidParameter",
      "MerchantBizId is invalid: use letters and digits only, at most 32.",
    );
  }
  const merchantUserId = params.get("MerchantUserId") ?? "";
  const faceQualityCheck = readSwitch(params, "FaceQualityCheck");
  const faceAttributeCheck = readSwitch(params, "FaceAttributeCheck");

  const given: PictureSource[] = [];
  const base64 = params.get("FacePictureBase64");
  const url = params.get("FacePictureUrl");
  const file = params.get("FacePictureFile");
  if (base64) given.push({ mode: "base64", value: base64 });
  if (url) given.push({ mode: "url", value: url });
  if (file) given.push({ mode: "file", value: file });
  const [picture] = given;
  if (!picture) {
    throw new AcsError(
      "MissingParameter",
      "FacePictureBase64, FacePictureUrl or FacePictureFile is mandatory for this action.",
    );
  }
  if (given.length > 1) {
    throw new AcsError(
      "DataDuplication",
      "Only one of FacePictureBase64, FacePictureUrl and FacePictureFile may be given.",
    );
  }
  return { productCode, merchantBizId, merchantUserId, picture, faceQualityCheck, faceAttributeCheck };
}

function readSwitch(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null || value === "" || value === "N") return false;
  if (value === "Y") return true;
  throw new AcsError("InvalidParameter", `${name} is invalid: expected Y or N.`);
}
