import { badMerchantBizId, SUITE_USER_HASH } from "./bad-input-ids.js";
import type { BadRequestCase, ExpectedRefusal, FetchRequest } from "./bad-request-case.js";
import { bearer, freshCallerToken } from "./caller-credentials.js";
import { sampleImages, toBase64 } from "./sample-images.js";

/**
 * A body the proxy accepts (a fresh `merchantBizId`, the suite's hashed user, a portrait that passes every
 * check), with `overrides` on top: each JSON case breaks exactly one thing of it, so that its refusal can
 * only come from that thing. A key set to `undefined` is left out.
 */
export function acceptableBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    merchantBizId: badMerchantBizId(),
    merchantUserId: SUITE_USER_HASH,
    image: { base64: toBase64(sampleImages().portraitJpeg) },
    ...overrides,
  };
  for (const [key, value] of Object.entries(body)) if (value === undefined) delete body[key];
  return body;
}

/**
 * A POST of `body` to the face-liveness route with a fresh caller token: objects are serialised with
 * JSON.stringify, strings and bytes go as they are. `contentType: null` sends no Content-Type at all
 * (the body then goes as bytes: fetch labels a string body text/plain).
 */
export async function jsonRequest(
  body: unknown,
  options: { contentType?: string | null; headers?: Record<string, string> } = {},
): Promise<FetchRequest> {
  const text = typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body);
  const contentType = options.contentType === undefined ? "application/json" : options.contentType;
  return {
    via: "fetch",
    headers: {
      ...bearer(await freshCallerToken()),
      ...(contentType === null ? {} : { "content-type": contentType }),
      ...options.headers,
    },
    body: contentType === null && typeof text === "string" ? new TextEncoder().encode(text) : text,
  };
}

/** A case that sends one JSON (or JSON-labelled) body made by `body` when it runs. */
export function jsonCase(
  name: string,
  expected: ExpectedRefusal,
  body: () => unknown,
  options: { contentType?: string | null; reachesUpstream?: boolean } = {},
): BadRequestCase {
  return {
    name,
    expected,
    build: async () => ({ request: await jsonRequest(body(), options) }),
    ...(options.reachesUpstream ? { reachesUpstream: true } : {}),
  };
}
