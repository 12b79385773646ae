import type { FaceLivenessAnswer } from "@liveness-kit/contract";
import type { FaceLivenessResult, FaceScores } from "@liveness-kit/core/response";
import type { RegionId } from "@liveness-kit/core/spec";
import type { JsonAnswer } from "./json-answer.js";

/** The named fields of a loose object's type, without its `[key: string]: unknown`. */
type Named<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** The contract's decided answer without what each HTTP exchange adds (`requestId`, `receipt`). */
type DecidedBody = Omit<Named<FaceLivenessAnswer>, "requestId" | "receipt" | "face"> & {
  face: Named<FaceLivenessAnswer["face"]>;
};

/**
 * The 200 answer of a billed call: the verdict, core's face scores, and where it was decided
 * (`requestId` is added per HTTP exchange by the route, `receipt` each time it is sent). Typed by the contract,
 * so a field the contract adds or changes does not compile here until it is answered.
 */
export function livenessAnswer(
  result: FaceLivenessResult,
  merchantBizId: string,
  region: RegionId,
): JsonAnswer {
  const body: DecidedBody = {
    merchantBizId,
    transactionId: result.transactionId,
    passed: result.passed,
    subCode: result.subCode,
    face: faceScores(result.face),
    upstream: { requestId: result.requestId, region },
  };
  return { status: 200, body, headers: {} };
}

// The documented order: scores first, then the verdicts, then what the model may add.
function faceScores(face: FaceScores): DecidedBody["face"] {
  const scores: DecidedBody["face"] = {
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
