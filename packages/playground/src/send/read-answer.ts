import { ErrorAnswerSchema, FaceLivenessResultSchema } from "@liveness-kit/contract";
import * as v from "valibot";

/** A successful answer of the proxy, as a client reads it (the contract's rule, which core's client applies too). */
export type ProxyAnswer = v.InferOutput<typeof FaceLivenessResultSchema>;

/**
 * The proxy's error body `{ code, message, requestId, retryable, hint?, details? }`, read leniently: an
 * answer from something in front of the proxy may lack the request id or `retryable`.
 */
const ErrorBodySchema = v.partial(ErrorAnswerSchema, ["requestId", "retryable"]);

/** An error answer of the proxy. */
export type ProxyErrorBody = v.InferOutput<typeof ErrorBodySchema>;

/** The answer as a typed success, or undefined when it does not have the documented shape. */
export function readProxyAnswer(body: unknown): ProxyAnswer | undefined {
  const result = v.safeParse(FaceLivenessResultSchema, body);
  return result.success ? result.output : undefined;
}

/** The error body, or undefined when the answer is not the documented error shape (e.g. an HTML page). */
export function readProxyError(body: unknown): ProxyErrorBody | undefined {
  const result = v.safeParse(ErrorBodySchema, body);
  return result.success ? result.output : undefined;
}
