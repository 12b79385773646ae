import { REGION_IDS } from "@liveness-kit/core/spec";
import * as v from "valibot";
import { MerchantBizIdSchema } from "../request/face-liveness-request.js";

const Score = v.pipe(v.number(), v.minValue(0), v.maxValue(100));

/** The face scores of a decided answer, in the documented order: scores, verdicts, what the model may add. */
export const FaceScoresSchema = v.looseObject({
  qualityScore: Score,
  occlusionScore: Score,
  keyAreaOcclusionScore: Score,
  illuminationScore: Score,
  sharpnessScore: Score,
  attack: v.boolean(),
  occlusion: v.optional(v.boolean()),
  age: v.optional(v.pipe(v.number(), v.integer())),
  gender: v.optional(v.picklist(["M", "F"])),
  attributes: v.optional(v.string()),
});

/** A receipt: a JWS in compact form (three base64url parts). */
export const ReceiptSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/),
  v.description(
    "A JWT (JWS compact, RFC 7515/7519) signed by the proxy: header `{ alg: ES256, kid, typ: liveness-receipt+jwt }`; " +
      "claims `iss` (the proxy's origin unless configured), `sub` (the caller key's id or the caller token's subject), " +
      "`aud`, `iat`, `exp` (10 minutes by default, at most 1 hour), `jti`, `merchantBizId`, `merchantUserId` (the hash " +
      "sent), `transactionId`, `passed`, `subCode`, `region`, `imageSha256` (hex SHA-256 of the picture bytes sent or " +
      "uploaded; `imageUrlSha256`, of the URL, in URL mode) and `face` (the scores). Never a raw user id or image data. " +
      "Verify it with `@liveness-kit/core/receipt` or any JOSE library against `/.well-known/jwks.json`.",
  ),
);

/**
 * The 200 answer of `POST /v1/face-liveness` and `GET /v1/face-liveness/{merchantBizId}`, as the proxy sends
 * it (and documents it): every field present. Fields may be added later, so it is a loose object.
 */
export const FaceLivenessAnswerSchema = v.looseObject({
  requestId: v.pipe(v.string(), v.description("The proxy's id of this HTTP exchange.")),
  receipt: ReceiptSchema,
  merchantBizId: MerchantBizIdSchema,
  transactionId: v.string(),
  passed: v.boolean(),
  subCode: v.pipe(v.string(), v.description("`200` passed; `205` liveness risk detected.")),
  face: FaceScoresSchema,
  upstream: v.looseObject({
    requestId: v.pipe(v.string(), v.description("Alibaba's RequestId.")),
    region: v.picklist(REGION_IDS),
  }),
});

/** A decided answer as the proxy sends it. */
export type FaceLivenessAnswer = v.InferOutput<typeof FaceLivenessAnswerSchema>;

const Finite = v.pipe(v.number(), v.finite());

/** A JSON object that is not an array (valibot's object schemas alone take arrays too). */
const record = <TEntries extends v.ObjectEntries>(entries: TEntries) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === "object" && input !== null && !Array.isArray(input),
    ),
    v.looseObject(entries),
  );

/** An optional field as a client reads it: its value when it has the documented type, else left out. */
const lenient = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  v.fallback(v.optional(schema), undefined);

/**
 * What a client requires of a 2xx answer to read it: the verdict and the scores, checked; a missing
 * `requestId` read as ""; the other documented fields kept when they have their documented type and left
 * out when not (an odd optional field does not cost the verdict). Every answer of `FaceLivenessAnswerSchema`
 * reads as it is. core's `parseProxyAnswer` applies the same rule without valibot (core has no
 * dependencies; it passes the optional fields through unchecked); the contract's tests prove that both read
 * exactly the same answers, to the same result but for the odd optional fields.
 */
export const FaceLivenessResultSchema = v.looseObject({
  requestId: v.fallback(v.string(), ""),
  merchantBizId: lenient(v.string()),
  transactionId: v.string(),
  passed: v.boolean(),
  subCode: v.string(),
  face: v.looseObject({
    qualityScore: Finite,
    occlusionScore: Finite,
    keyAreaOcclusionScore: Finite,
    illuminationScore: Finite,
    sharpnessScore: Finite,
    attack: v.boolean(),
    occlusion: lenient(v.boolean()),
    age: lenient(Finite),
    gender: lenient(v.picklist(["M", "F"])),
    attributes: lenient(v.string()),
  }),
  upstream: lenient(record({ requestId: lenient(v.string()), region: lenient(v.string()) })),
  receipt: lenient(v.string()),
});

/** A 2xx answer as a client reads it. */
export type FaceLivenessResultAnswer = v.InferOutput<typeof FaceLivenessResultSchema>;
