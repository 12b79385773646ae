import { isMerchantBizId } from "@liveness-kit/core/request";
import * as v from "valibot";

/** `merchantUserId` is the SHA-256 of the app's user id, never the id itself. */
const SHA256_HEX = /^[0-9a-f]{64}$/;

const MerchantBizIdSchema = v.pipe(
  v.string(),
  v.check((value: string) => isMerchantBizId(value)),
);
const MerchantUserIdSchema = v.pipe(v.string(), v.regex(SHA256_HEX));

/** The JSON body of `POST /v1/face-liveness`; unknown fields anywhere are refused. */
export const FaceLivenessJsonSchema = v.strictObject({
  merchantBizId: v.optional(MerchantBizIdSchema),
  merchantUserId: MerchantUserIdSchema,
  image: v.pipe(
    v.strictObject({
      base64: v.optional(v.pipe(v.string(), v.nonEmpty())),
      url: v.optional(v.pipe(v.string(), v.nonEmpty())),
    }),
    v.check((image) => (image.base64 === undefined) !== (image.url === undefined)),
  ),
  faceQualityCheck: v.optional(v.boolean()),
});

/** The multipart/form-data fields of `POST /v1/face-liveness`: the same fields, the picture as file `image`. */
export const FaceLivenessFormSchema = v.strictObject({
  merchantBizId: v.optional(MerchantBizIdSchema),
  merchantUserId: MerchantUserIdSchema,
  faceQualityCheck: v.optional(v.picklist(["true", "false"])),
  image: v.instance(File),
});

/** One problem of a request body, in the shape core uses for its `ValidationIssue`. */
export interface RequestIssue {
  field: string;
  code: string;
  message: string;
}

const FIELD_RULES: Record<string, string> = {
  "": "must be a JSON object",
  merchantBizId: "must be 1 to 32 letters and digits, or left out to have one generated",
  merchantUserId: "must be the SHA-256 of your user id: 64 lower-case hex characters",
  image:
    'must be exactly one of { "base64": "..." } and { "url": "https://..." } (or a file field in multipart)',
  "image.base64": "must be the base64 of a JPEG or PNG image",
  "image.url": "must be an https URL",
  faceQualityCheck: "must be true or false",
};

/**
 * Turns valibot's issues into `{ field, code, message }` with the proxy's own messages: valibot's
 * default messages quote the received value, which could be a raw user id or an image.
 */
export function toRequestIssues(issues: readonly v.BaseIssue<unknown>[]): RequestIssue[] {
  return issues.map((issue) => {
    const field = (issue.path ?? [])
      .map((item) => String(item.key))
      .join(".")
      .slice(0, 80);
    if (issue.type === "strict_object" && issue.expected === "never") {
      return { field, code: "unknown_field", message: `${field} is not a known field` };
    }
    const rule = FIELD_RULES[field] ?? "is not valid";
    const name = field === "" ? "the body" : field;
    if (field === "image" && issue.type === "check") {
      return { field, code: "one_picture_source", message: `${name} ${rule}` };
    }
    const code =
      issue.input === undefined && issue.kind === "schema"
        ? "required"
        : issue.kind === "schema"
          ? "invalid_type"
          : "invalid_format";
    return { field, code, message: `${name} ${code === "required" ? "is required and " : ""}${rule}` };
  });
}
