/** The API name, sent as the `x-acs-action` header. */
export const FACE_LIVENESS_ACTION = "FaceLivenessV2";

/** The API version of ID Verification international (`cloudauth-intl`), sent as `x-acs-version`. */
export const FACE_LIVENESS_VERSION = "2022-08-09";

/**
 * The rule of `MerchantBizId`: letters and digits, at most 32 (the API's reference); as a pattern, so that
 * schemas (the proxy's contract, its OpenAPI document) state it without restating it.
 */
export const MERCHANT_BIZ_ID_PATTERN = /^[A-Za-z0-9]{1,32}$/;

/**
 * The product codes FaceLivenessV2 accepts: the product page documents `FACE_LIVENESS_MIN_PRO`; the official
 * SDK also lists `FACE_LIVENESS_MIN`.
 */
export const PRODUCT_CODES = ["FACE_LIVENESS_MIN_PRO", "FACE_LIVENESS_MIN"] as const;

/** One of {@link PRODUCT_CODES}. */
export type ProductCode = (typeof PRODUCT_CODES)[number];

/** The product code sent when the caller gives none. */
export const DEFAULT_PRODUCT_CODE: ProductCode = "FACE_LIVENESS_MIN_PRO";

/** Whether `value` is one of {@link PRODUCT_CODES}. */
export function isProductCode(value: unknown): value is ProductCode {
  return (PRODUCT_CODES as readonly unknown[]).includes(value);
}

/**
 * The call that hands out an upload policy for file-stream mode (`FacePictureFile`), as the official SDK
 * makes it: RPC, GET, on OpenPlatform.
 */
export const AUTHORIZE_FILE_UPLOAD = {
  action: "AuthorizeFileUpload",
  version: "2019-12-19",
  host: "openplatform.aliyuncs.com",
  product: "Cloudauth-intl",
} as const;
