import type { FaceLivenessRequest } from "@liveness-kit/core/request";
import { type FaceLivenessResult, parseFaceLivenessResponse } from "@liveness-kit/core/response";
import { type AccessKeyCredentials, canonicalQuery } from "@liveness-kit/core/sign";
import type { ServerTiming } from "../observability/server-timing.js";
import { signedFetch } from "./signed-fetch.js";

/**
 * One FaceLivenessV2 call to `origin`: the query canonically encoded in the URL, the base64 form body
 * (core's `bodyBytes`) when there is one, signed afresh. Resolves with core's typed result; throws core's
 * typed errors (`LivenessApiError`, `ResponseFormatError`, `NetworkError`).
 */
export async function sendFaceLiveness(
  origin: string,
  request: FaceLivenessRequest,
  credentials: AccessKeyCredentials,
  timeoutMs: number,
  timing: ServerTiming,
): Promise<FaceLivenessResult> {
  // The encoded bytes as core made them: signed and sent as they are, never decoded to text and encoded again
  // (`body` is read only from a request built without them).
  const body = request.bodyBytes ?? request.body;
  const answer = await signedFetch(
    {
      method: "POST",
      url: `${origin}/?${canonicalQuery(request.query)}`,
      action: request.action,
      version: request.version,
      ...(body === undefined ? {} : { body }),
      ...(request.contentType === undefined ? {} : { contentType: request.contentType }),
    },
    credentials,
    timeoutMs,
    timing,
  );
  return parseFaceLivenessResponse(answer);
}
