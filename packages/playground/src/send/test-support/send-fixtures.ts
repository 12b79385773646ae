import type { RequestDraft } from "../../request/request-draft.js";

/** A complete request draft, its user id already a SHA-256 hex. */
export const testDraft: RequestDraft = {
  merchantBizId: "abc",
  merchantUserId: "e".repeat(64),
  imageSource: "base64",
  imageUrl: "",
  faceQualityCheck: true,
};

/** The proxy's answer to {@link testDraft}, of the documented shape: Passed, from Singapore. */
export const testAnswerBody = {
  requestId: "r1",
  merchantBizId: "abc",
  transactionId: "t1",
  passed: true,
  subCode: "200",
  face: {
    qualityScore: 90,
    occlusionScore: 90,
    keyAreaOcclusionScore: 90,
    illuminationScore: 90,
    sharpnessScore: 90,
    attack: false,
  },
  upstream: { requestId: "u1", region: "ap-southeast-1" },
};
