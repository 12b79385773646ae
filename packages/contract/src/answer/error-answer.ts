import * as v from "valibot";
import { ProxyErrorCodeSchema } from "../error-codes/proxy-error-codes.js";

/** `code`: one of the proxy's own codes, or, for a refusal by Alibaba, Alibaba's own code. */
export const ErrorCodeSchema = v.union([
  ProxyErrorCodeSchema,
  v.pipe(
    v.string(),
    v.description("Alibaba's own code of a refusal (e.g. `NoFaceDetected`, `UnqualifiedPhoto`)."),
  ),
]);

/** Every error answer of the proxy: `{ code, message, requestId, retryable, hint?, details? }`. */
export const ErrorAnswerSchema = v.looseObject({
  code: ErrorCodeSchema,
  message: v.string(),
  requestId: v.string(),
  retryable: v.boolean(),
  hint: v.optional(
    v.pipe(v.string(), v.description("What to do about it, in one sentence, when the proxy knows.")),
  ),
  details: v.optional(
    v.pipe(
      v.unknown(),
      v.description("core's image report, or `{ issues: [{ field, code, message }] }`, or more."),
    ),
  ),
});

/** An error answer of the proxy. */
export type ErrorAnswer = v.InferOutput<typeof ErrorAnswerSchema>;
