import { ResponseFormatError } from "../errors/index.js";
import type { FaceLivenessResult, FaceScores } from "./face-liveness-result.js";
import { isJsonObject, type JsonObject, readNumber, readText, readYesNo } from "./json-fields.js";
import type { ResponseHeaders } from "./retry-after-ms.js";
import { toLivenessApiError } from "./to-liveness-api-error.js";

/** An HTTP answer as read from `fetch`: the status, the body text and the headers. */
export interface RawResponse {
  readonly status: number;
  readonly body: string;
  readonly headers?: ResponseHeaders | undefined;
}

// Alibaba's success envelope says `Success`; some of its APIs say `200`.
const SUCCESS_CODES = ["Success", "200"];
const EXCERPT_LENGTH = 60;
const SCORES = [
  ["qualityScore", "FaceQualityScore"],
  ["occlusionScore", "OcclusionScore"],
  ["keyAreaOcclusionScore", "KaOcclusionScore"],
  ["illuminationScore", "IlluminationScore"],
  ["sharpnessScore", "SharpnessScore"],
] as const;

/**
 * Parses a FaceLivenessV2 answer into a typed result. Throws `LivenessApiError` for an error answer (any
 * non-2xx status, or a 2xx whose `Code` is not `Success`/`200`) and `ResponseFormatError` when the body is not
 * JSON or lacks a documented field. Numbers sent as strings, missing optional fields and unknown extra fields
 * are tolerated. `ExtFaceInfo` may be an object or a JSON text.
 */
export function parseFaceLivenessResponse(response: RawResponse): FaceLivenessResult {
  const { status, body } = response;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ResponseFormatError(`HTTP ${status}: the answer is not JSON (${excerpt(body)})`, status);
  }
  if (!isJsonObject(json)) {
    throw new ResponseFormatError(`HTTP ${status}: the answer is JSON but not an object`, status);
  }
  const code = readText(json, "Code", "code");
  if (status < 200 || status > 299 || (code !== undefined && !SUCCESS_CODES.includes(code))) {
    throw toLivenessApiError(status, json, response.headers);
  }
  const requestId = readText(json, "RequestId", "requestId") ?? "";
  const fail = (what: string) =>
    new ResponseFormatError(
      `HTTP ${status}: not a FaceLivenessV2 result: ${what}`,
      status,
      requestId || undefined,
    );

  const result = json.Result;
  if (!isJsonObject(result)) throw fail("Result is missing or not an object");
  const transactionId = readText(result, "TransactionId");
  if (transactionId === undefined) throw fail("Result.TransactionId is missing");
  const passed = readYesNo(result, "Passed");
  if (passed === undefined) throw fail("Result.Passed is missing or not Y/N");
  const subCode = readText(result, "SubCode");
  if (subCode === undefined) throw fail("Result.SubCode is missing");
  const info = extFaceInfo(result.ExtFaceInfo);
  if (!info) throw fail("Result.ExtFaceInfo is missing or not an object");
  const face = readFaceScores(info);
  if (typeof face === "string") throw fail(`Result.ExtFaceInfo.${face} is missing or not a number`);
  return { requestId, transactionId, passed, subCode, face };
}

// Some Alibaba APIs send ExtFaceInfo as a JSON text instead of an object: accept both.
function extFaceInfo(value: unknown): JsonObject | undefined {
  if (typeof value !== "string") return isJsonObject(value) ? value : undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

// The scores, or the wire name of the first required field that is missing.
function readFaceScores(info: JsonObject): FaceScores | string {
  const attack = readYesNo(info, "FaceAttack");
  const face = { attack } as Writable<FaceScores>;
  for (const [name, wireName] of SCORES) {
    const value = readNumber(info, wireName);
    if (value === undefined) return wireName;
    face[name] = value;
  }
  if (attack === undefined) return "FaceAttack";
  const occlusion = readYesNo(info, "OcclusionResult");
  if (occlusion !== undefined) face.occlusion = occlusion;
  const age = readNumber(info, "FaceAge");
  if (age !== undefined && Number.isInteger(age) && age >= 0) face.age = age;
  const gender = info.FaceGender;
  if (gender === "M" || gender === "F") face.gender = gender;
  const attributes = info.FaceAttributeInfo;
  if (typeof attributes === "string" && attributes !== "") face.attributes = attributes;
  else if (isJsonObject(attributes)) face.attributes = JSON.stringify(attributes);
  return face;
}

// A short, printable start of a body that is not JSON: enough to recognise an HTML error page, no more.
function excerpt(body: string): string {
  if (body.length === 0) return "it is empty";
  const start = body.slice(0, EXCERPT_LENGTH).replace(/[\u0000-\u001f\u007f]/g, " ");
  return `it starts ${JSON.stringify(body.length > EXCERPT_LENGTH ? `${start}…` : start)}`;
}
