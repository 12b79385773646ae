import type { FaceLivenessResult, FaceScores } from "@liveness-kit/core/response";
import type { RegionId } from "@liveness-kit/core/spec";
import type { JsonAnswer } from "./json-answer.js";

/**
 * The 200 answer of a billed call: the verdict, core's face scores, and where it was decided
 * (`requestId` is added per HTTP exchange by the route).
 */
export function livenessAnswer(
  result: FaceLivenessResult,
  merchantBizId: string,
  region: RegionId,
): JsonAnswer {
  return {
    status: 200,
    body: {
      merchantBizId,
      transactionId: result.transactionId,
      passed: result.passed,
      subCode: result.subCode,
      face: faceScores(result.face),
      upstream: { requestId: result.requestId, region },
    },
    headers: {},
  };
}

// The documented order: scores first, then the verdicts, then what the model may add.
function faceScores(face: FaceScores): Record<string, unknown> {
  const scores: Record<string, unknown> = {
    qualityScore: face.qualityScore,
    occlusionScore: face.occlusionScore,
    keyAreaOcclusionScore: face.keyAreaOcclusionScore,
    illuminationScore: face.illuminationScore,
    sharpnessScore: face.sharpnessScore,
    attack: face.attack,
  };
  if (face.occlusion !== undefined) scores.occlusion = face.occlusion;
  if (face.age !== undefined) scores.age = face.age;
  if (face.gender !== undefined) scores.gender = face.gender;
  if (face.attributes !== undefined) scores.attributes = face.attributes;
  return scores;
}
