import { isMerchantBizId, validateFaceLivenessInput } from "@liveness-kit/core/request";
import * as v from "valibot";
import { IMAGE_PLACEHOLDER } from "./request-draft.js";

/** The proxy's rule for `merchantUserId`: a SHA-256 digest as 64 lower-case hex digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** core's verdict on a picture URL (https, well formed, bounded): its message, or undefined when fine. */
function urlProblem(url: string): string | undefined {
  const issues = validateFaceLivenessInput({ merchantBizId: "x", merchantUserId: "x", facePictureUrl: url });
  const issue = issues.find((candidate) => candidate.field === "facePictureUrl");
  return issue ? `image.url ${issue.message}` : undefined;
}

const ImageSchema = v.pipe(
  v.strictObject(
    {
      base64: v.optional(
        v.pipe(
          v.string("image.base64 must be a string"),
          v.check(
            (text) => text === IMAGE_PLACEHOLDER,
            `Write "${IMAGE_PLACEHOLDER}" here: the picked image is put in its place when sending (pick, drop or paste an image).`,
          ),
        ),
      ),
      url: v.optional(
        v.pipe(
          v.string("image.url must be a string"),
          v.rawCheck(({ dataset, addIssue }) => {
            if (!dataset.typed) return;
            const problem = urlProblem(dataset.value);
            if (problem) addIssue({ message: problem });
          }),
        ),
      ),
    },
    'image must be an object: {"base64": "<image>"} or {"url": "https://..."}',
  ),
  v.check(
    (image) => (image.base64 === undefined) !== (image.url === undefined),
    "image needs exactly one source: base64 or url (two give DataDuplication, none MissingParameter)",
  ),
);

/**
 * The body of `POST /v1/face-liveness` as the playground edits it (the image as a placeholder). Value
 * rules that core owns (MerchantBizId format, picture URL) are checked by calling core, not restated.
 */
export const RequestDocumentSchema = v.strictObject(
  {
    merchantBizId: v.optional(
      v.pipe(
        v.string("merchantBizId must be a string"),
        v.check(
          (id: string) => isMerchantBizId(id),
          "merchantBizId must be 1-32 letters and digits (A-Z, a-z, 0-9)",
        ),
      ),
    ),
    merchantUserId: v.pipe(
      v.string("merchantUserId must be a string"),
      v.regex(
        SHA256_HEX,
        "merchantUserId must be the SHA-256 of the user id: 64 lower-case hex digits (type a user id in the form to get it)",
      ),
    ),
    image: ImageSchema,
    faceQualityCheck: v.optional(v.boolean("faceQualityCheck must be true or false")),
  },
  "The request must be a JSON object",
);

/** The request body type the schema accepts. */
export type RequestDocument = v.InferOutput<typeof RequestDocumentSchema>;
