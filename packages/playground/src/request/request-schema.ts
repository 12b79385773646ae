import {
  faceLivenessJsonSchema,
  ImageBase64Schema,
  ImageUrlSchema,
  pictureSchema,
} from "@liveness-kit/contract";
import { validateFaceLivenessInput } from "@liveness-kit/core/request";
import * as v from "valibot";
import { IMAGE_PLACEHOLDER } from "./request-draft.js";

/** core's verdict on a picture URL (https, well formed, bounded): its message, or undefined when fine. */
function urlProblem(url: string): string | undefined {
  const issues = validateFaceLivenessInput({ merchantBizId: "x", merchantUserId: "x", facePictureUrl: url });
  const issue = issues.find((candidate) => candidate.field === "facePictureUrl");
  return issue ? `image.url ${issue.message}` : undefined;
}

/**
 * The body of `POST /v1/face-liveness` as the playground edits it: the proxy's contract, with the image as
 * a placeholder (the picked image replaces it on send) and the URL also checked by core, as the proxy will.
 */
export const RequestDocumentSchema = faceLivenessJsonSchema(
  pictureSchema({
    base64: v.pipe(
      ImageBase64Schema,
      v.check(
        (text) => text === IMAGE_PLACEHOLDER,
        `Write "${IMAGE_PLACEHOLDER}" here: the picked image is put in its place when sending (pick, drop or paste an image).`,
      ),
    ),
    url: v.pipe(
      ImageUrlSchema,
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const problem = urlProblem(dataset.value);
        if (problem) addIssue({ message: problem });
      }),
    ),
  }),
);

/** The request body type the schema accepts. */
export type RequestDocument = v.InferOutput<typeof RequestDocumentSchema>;
