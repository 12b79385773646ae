import type { SampleImageOptions } from "../image/sample-image.js";
import type { RequestDraft } from "./request-draft.js";

/** A ready-made request of the Explorer: an image drawn on a canvas (or a URL) and the fields to go with it. */
export interface Sample {
  readonly id: "pass" | "attack" | "too-small" | "landscape" | "low-quality" | "url";
  readonly label: string;
  /** What it shows, in one line. */
  readonly description: string;
  /** The picture to generate; absent for URL mode. */
  readonly image?: SampleImageOptions;
  /** The user id typed for it (hashed like any other). */
  readonly userId: string;
  /** `fresh`: a new MerchantBizId; `attack`: the one from Settings, which the emulator's attack scenario is keyed by. */
  readonly merchantBizId: "fresh" | "attack";
  readonly draft: Partial<Omit<RequestDraft, "merchantBizId" | "merchantUserId">>;
}

/** The Explorer's samples. None needs a binary file: the pictures are drawn when loaded. */
export const SAMPLES: readonly Sample[] = [
  {
    id: "pass",
    label: "Pass",
    description: "A sharp, well-lit 1200x1600 portrait: compressed to 720x960, then Passed.",
    image: { width: 1200, height: 1600 },
    userId: "sample-user-pass",
    merchantBizId: "fresh",
    draft: { imageSource: "base64", faceQualityCheck: true },
  },
  {
    id: "attack",
    label: "Attack",
    description:
      "The same portrait with the MerchantBizId of the emulator's attack scenario: Not passed, SubCode 205.",
    image: { width: 1200, height: 1600 },
    userId: "sample-user-attack",
    merchantBizId: "attack",
    draft: { imageSource: "base64", faceQualityCheck: false },
  },
  {
    id: "too-small",
    label: "Too small",
    description: "A 360x480 photo: under the API's 480x640 minimum, flagged before sending.",
    image: { width: 360, height: 480 },
    userId: "sample-user-small",
    merchantBizId: "fresh",
    draft: { imageSource: "base64", faceQualityCheck: false },
  },
  {
    id: "landscape",
    label: "Landscape",
    description: "A 1600x1200 landscape photo: the API wants portrait, flagged before sending.",
    image: { width: 1600, height: 1200 },
    userId: "sample-user-landscape",
    merchantBizId: "fresh",
    draft: { imageSource: "base64", faceQualityCheck: false },
  },
  {
    id: "low-quality",
    label: "Low quality",
    description:
      "A blurred, under-exposed portrait sent with FaceQualityCheck: expect UnqualifiedPhoto or low scores.",
    image: { width: 900, height: 1200, blur: 7, brightness: 0.3, quality: 0.9 },
    userId: "sample-user-blurry",
    merchantBizId: "fresh",
    draft: { imageSource: "base64", faceQualityCheck: true },
  },
  {
    id: "url",
    label: "URL mode",
    description:
      "FacePictureUrl instead of base64: Alibaba downloads a public HTTPS image (edit the URL to yours). The proxy takes it only for hosts in its IMAGE_URL_HOSTS; off by default, so the local stack answers 400 image_url_disabled.",
    userId: "sample-user-url",
    merchantBizId: "fresh",
    draft: { imageSource: "url", imageUrl: "https://example.com/selfie.jpg", faceQualityCheck: false },
  },
];
