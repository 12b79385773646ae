import type { PickedImage } from "../image/picked-image.js";
import { lintRequest } from "../request/lint-request.js";
import type { RequestDraft } from "../request/request-draft.js";

/** Why a request is not sent: a title and one line per problem. */
export interface NotSent {
  readonly title: string;
  readonly problems: string[];
}

/** The request JSON's problems, if it has any: nothing is sent then. */
export function lintBeforeSend(jsonText: string): NotSent | undefined {
  const problems = lintRequest(jsonText);
  if (problems.length === 0) return undefined;
  return {
    title: "the request has problems",
    problems: problems.map((problem) => `${problem.path.join(".") || "request"}: ${problem.message}`),
  };
}

/**
 * The image bytes to send (none in URL mode), or why not: no usable image, or one that fails the API's rules
 * (the preflight) while Settings does not allow sending those.
 */
export function imageBeforeSend(
  draft: RequestDraft,
  image: PickedImage | undefined,
  options: { readonly sendFailingImages: boolean; readonly rerun?: boolean | undefined },
): { readonly bytes?: Uint8Array } | { readonly notSent: NotSent } {
  if (draft.imageSource !== "base64") return {};
  const compressed = image?.compressed;
  if (!image || image.status === "failed" || !compressed)
    return {
      notSent: {
        title: "there is no usable image",
        problems: [
          image?.error
            ? `The image could not be used: ${image.error}.`
            : "Pick, drop or paste a portrait photo, take one with the camera, or load a sample.",
          ...(options.rerun
            ? ["History keeps no image bytes: pick the image again to re-run this request."]
            : []),
        ],
      },
    };
  if (!compressed.preflight.ok && !options.sendFailingImages)
    return {
      notSent: {
        title: "the image fails the API's rules (the preflight)",
        problems: compressed.preflight.items
          .filter((item) => item.status === "fail")
          .map((item) => `${item.label}: ${item.detail}${item.fix ? ` Fix: ${item.fix}` : ""}`),
      },
    };
  return { bytes: compressed.bytes };
}
