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
  /**
   * Set when the sample shows what it says only against the local emulator: why. Every run gets a fresh
   * MerchantBizId, so a sample never replays an answer stored for an earlier run.
   */
  readonly needsEmulator?: string;
  readonly draft: Partial<Omit<RequestDraft, "merchantBizId" | "merchantUserId">>;
}

/**
 * The user id of the Attack sample. `npm start` (scripts/stack.mjs) sets the emulator's attack rule for its
 * SHA-256, so every run of the sample, with a fresh MerchantBizId, comes back Not passed.
 */
export const ATTACK_SAMPLE_USER_ID = "sample-user-attack";

/** The Explorer's samples. None needs a binary file: the pictures are drawn when loaded. */
export const SAMPLES: readonly Sample[] = [
  {
    id: "pass",
    label: "Pass",
    description: "A sharp, well-lit 1200x1600 portrait: compressed to 720x960, then Passed.",
    image: { width: 1200, height: 1600 },
    userId: "sample-user-pass",
    draft: { imageSource: "base64", faceQualityCheck: true },
  },
  {
    id: "attack",
    label: "Attack",
    description:
      "The same portrait for the user id the emulator's attack rule is keyed by: Not passed, SubCode 205.",
    image: { width: 1200, height: 1600 },
    userId: ATTACK_SAMPLE_USER_ID,
    needsEmulator:
      "Needs the local emulator: npm start sets its attack rule for this user id. Real Alibaba judges the photo itself.",
    draft: { imageSource: "base64", faceQualityCheck: false },
  },
  {
    id: "too-small",
    label: "Too small",
    description: "A 360x480 photo: under the API's 480x640 minimum, flagged before sending.",
    image: { width: 360, height: 480 },
    userId: "sample-user-small",
    draft: { imageSource: "base64", faceQualityCheck: false },
  },
  {
    id: "landscape",
    label: "Landscape",
    description: "A 1600x1200 landscape photo: the API wants portrait, flagged before sending.",
    image: { width: 1600, height: 1200 },
    userId: "sample-user-landscape",
    draft: { imageSource: "base64", faceQualityCheck: false },
  },
  {
    id: "low-quality",
    label: "Low quality",
    description:
      "A blurred, under-exposed portrait sent with FaceQualityCheck: expect UnqualifiedPhoto or low scores.",
    image: { width: 900, height: 1200, blur: 7, brightness: 0.3, quality: 0.9 },
    userId: "sample-user-blurry",
    draft: { imageSource: "base64", faceQualityCheck: true },
  },
  {
    id: "url",
    label: "URL mode",
    description:
      "FacePictureUrl instead of base64: Alibaba downloads a public HTTPS image (edit the URL to yours). The proxy takes it only for hosts in its IMAGE_URL_HOSTS; off by default, so the local stack answers 400 image_url_disabled.",
    userId: "sample-user-url",
    draft: { imageSource: "url", imageUrl: "https://example.com/selfie.jpg", faceQualityCheck: false },
  },
];
