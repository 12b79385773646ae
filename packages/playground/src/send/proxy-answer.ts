import * as v from "valibot";

const Score = v.pipe(v.number(), v.finite());

/** The proxy's 200 answer (`POST /v1/face-liveness`); extra fields are tolerated, missing ones are not. */
export const ProxyAnswerSchema = v.object({
  requestId: v.string(),
  merchantBizId: v.optional(v.string()),
  transactionId: v.string(),
  passed: v.boolean(),
  subCode: v.string(),
  face: v.object({
    qualityScore: Score,
    occlusionScore: Score,
    keyAreaOcclusionScore: Score,
    illuminationScore: Score,
    sharpnessScore: Score,
    attack: v.boolean(),
    occlusion: v.optional(v.boolean()),
    age: v.optional(v.number()),
    gender: v.optional(v.string()),
  }),
  upstream: v.optional(v.object({ requestId: v.optional(v.string()), region: v.optional(v.string()) })),
  /** The proxy's signed statement of this decision (an ES256 JWT), for the app's server to verify. */
  receipt: v.optional(v.string()),
});

/** A successful answer of the proxy. */
export type ProxyAnswer = v.InferOutput<typeof ProxyAnswerSchema>;

/** The proxy's error body: `{ code, message, requestId, retryable, hint?, details? }`. */
export const ProxyErrorSchema = v.object({
  code: v.string(),
  message: v.string(),
  requestId: v.optional(v.string()),
  retryable: v.optional(v.boolean()),
  /** What to do, in the proxy's words (e.g. "Rotate it to portrait..."). */
  hint: v.optional(v.string()),
  details: v.optional(v.unknown()),
});

/** An error answer of the proxy. */
export type ProxyErrorBody = v.InferOutput<typeof ProxyErrorSchema>;

/** The answer as a typed success, or undefined when it does not have the documented shape. */
export function readProxyAnswer(body: unknown): ProxyAnswer | undefined {
  const result = v.safeParse(ProxyAnswerSchema, body);
  return result.success ? result.output : undefined;
}

/** The error body, or undefined when the answer is not the documented error shape (e.g. an HTML page). */
export function readProxyError(body: unknown): ProxyErrorBody | undefined {
  const result = v.safeParse(ProxyErrorSchema, body);
  return result.success ? result.output : undefined;
}
