import { MERCHANT_BIZ_ID_PATTERN } from "@liveness-kit/core/spec";
import * as v from "valibot";
import { REQUEST_FIELDS } from "./request-fields.js";
import { MAX_IMAGE_URL_LENGTH, SHA256_HEX } from "./request-limits.js";

// Every schema and action carries the field's rule as its message: valibot's default messages quote the
// value received, which could be a raw user id or an image.
const { merchantBizId, merchantUserId, image, faceQualityCheck } = REQUEST_FIELDS;
const base64 = REQUEST_FIELDS["image.base64"];
const url = REQUEST_FIELDS["image.url"];

/** The message of a body that is not a JSON object. */
export const NOT_AN_OBJECT = "The request must be a JSON object";

/** `merchantBizId`: core's MerchantBizId rule. */
export const MerchantBizIdSchema = v.pipe(
  v.string(merchantBizId.rule),
  v.regex(MERCHANT_BIZ_ID_PATTERN, merchantBizId.rule),
  v.description(merchantBizId.summary),
);

/** `merchantUserId`: the SHA-256 of the app's user id, never the id itself. */
export const MerchantUserIdSchema = v.pipe(
  v.string(merchantUserId.rule),
  v.regex(SHA256_HEX, merchantUserId.rule),
  v.description(merchantUserId.summary),
);

/** `image.base64`: non-empty text; whether it is base64 of a usable picture is judged after parsing. */
export const ImageBase64Schema = v.pipe(
  v.string(base64.rule),
  v.nonEmpty(base64.rule),
  v.description(base64.summary),
);

/** `image.url`: non-empty, bounded text; the proxy checks that it is a public https URL after parsing. */
export const ImageUrlSchema = v.pipe(
  v.string(url.rule),
  v.nonEmpty(url.rule),
  v.maxLength(MAX_IMAGE_URL_LENGTH, url.rule),
  v.description(url.summary),
);

/** `faceQualityCheck` in JSON. */
export const FaceQualityCheckSchema = v.pipe(
  v.boolean(faceQualityCheck.rule),
  v.description(faceQualityCheck.summary),
);

type StringSchema = v.GenericSchema<string, string>;

/**
 * `image`: exactly one of `base64` and `url`. Stated as "one entry of an object that knows only these two"
 * rather than a free-form check, so that it converts to JSON Schema (`maxProperties`/`minProperties`).
 * `sources` lets a client add its own rules to a source (the playground's placeholder for base64).
 */
export function pictureSchema<TBase64 extends StringSchema, TUrl extends StringSchema>(sources: {
  base64: TBase64;
  url: TUrl;
}) {
  return v.pipe(
    v.strictObject(
      { base64: v.optional(sources.base64), url: v.optional(sources.url) },
      'image must be an object: {"base64": "..."} or {"url": "https://..."}',
    ),
    v.entries(1, image.rule),
    v.description(image.summary),
  );
}

/** The JSON body of `POST /v1/face-liveness` with the given picture schema; unknown fields anywhere are refused. */
export function faceLivenessJsonSchema<TPicture extends v.GenericSchema>(picture: TPicture) {
  return v.strictObject(
    {
      merchantBizId: v.optional(MerchantBizIdSchema),
      merchantUserId: MerchantUserIdSchema,
      image: picture,
      faceQualityCheck: v.optional(FaceQualityCheckSchema),
    },
    NOT_AN_OBJECT,
  );
}

/** The picture of the JSON body, as the proxy takes it. */
export const PictureSchema = pictureSchema({ base64: ImageBase64Schema, url: ImageUrlSchema });

/** The JSON body of `POST /v1/face-liveness`, as the proxy takes it. */
export const FaceLivenessJsonSchema = faceLivenessJsonSchema(PictureSchema);

/** The JSON body the proxy takes. */
export type FaceLivenessJson = v.InferOutput<typeof FaceLivenessJsonSchema>;

/** The multipart/form-data fields of `POST /v1/face-liveness`: the same fields, the picture as file `image`. */
export const FaceLivenessFormSchema = v.strictObject(
  {
    merchantBizId: v.optional(MerchantBizIdSchema),
    merchantUserId: MerchantUserIdSchema,
    faceQualityCheck: v.optional(v.picklist(["true", "false"], faceQualityCheck.rule)),
    image: v.pipe(
      v.instance(File, "image must be a file field: the picture (JPEG or PNG)"),
      v.description("The picture file (JPEG or PNG)."),
    ),
  },
  NOT_AN_OBJECT,
);
