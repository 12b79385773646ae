// Sentences of the published API facts, copied word for word so that core's constants are tested against
// what Alibaba publishes rather than restated. Source: the FaceLivenessV2 product page ("Face image format
// requirements", "ResultObject.SubCode error codes") and the official generated SDK
// (aliyun/alibabacloud-typescript-sdk, folder cloudauth-intl-20220809), as gathered in the project's shared
// spec notes (face-liveness-v2.md). Change a sentence here only when the published text changes.

/** The call table: product, version and action. */
export const CALL_FACTS = [
  "| product / API version | ID Verification international, `cloudauth-intl`, version `2022-08-09` |",
  "| action | `FaceLivenessV2` (sent as header `x-acs-action`) |",
  "| `ProductCode` | yes | `FACE_LIVENESS_MIN_PRO` (the SDK also lists `FACE_LIVENESS_MIN`) |",
].join("\n");

/** File-stream mode, step 1. */
export const AUTHORIZE_FILE_UPLOAD_FACTS =
  "1. `AuthorizeFileUpload` on `openplatform.aliyuncs.com` (version `2019-12-19`, GET, RPC) with `Product=Cloudauth-intl`,";

/** The image rules. */
export const IMAGE_RULES =
  "Image rules: JPG/JPEG/PNG; at most 1 MB (50-100 KB recommended); resolution between 640x480 and 1920x1080 " +
  "(height x width); portrait (height > width); scale the shorter side to 720 px with quality above 0.9; base64 inflates " +
  "by a third, so keep the original under 0.6 MB in base64 mode.";

/** The SubCodes of an answer. */
export const SUB_CODE_FACTS = "`SubCode` `200`: passed (billed). `205`: liveness risk detected (billed).";

/** The first match of `pattern`'s groups in `text`; throws when the published text no longer says it. */
export function published(text: string, pattern: RegExp): string[] {
  const match = pattern.exec(text);
  if (!match) throw new Error(`the published text no longer matches ${pattern}`);
  return match.slice(1);
}
