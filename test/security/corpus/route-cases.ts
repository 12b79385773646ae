import { STACK } from "../../support/stack-urls.js";
import { badMerchantBizId } from "./bad-input-ids.js";
import type { BadRequestCase } from "./bad-request-case.js";
import { bearer, freshCallerToken } from "./caller-credentials.js";
import { acceptableBody, jsonRequest } from "./json-request.js";

/** An acceptable body with the wrong method, or to a path that only resembles the route. */
function misrouted(
  name: string,
  method: string,
  path: string,
  expected: BadRequestCase["expected"],
): BadRequestCase {
  return {
    name,
    expected,
    build: async () => ({ request: { ...(await jsonRequest(acceptableBody())), method, path } as const }),
  };
}

/** A 405 says which methods the path does serve (RFC 9110). */
const notAllowed = { status: 405, code: "method_not_allowed", headers: { allow: "POST, OPTIONS" } } as const;
const notFound = { status: 404, code: "not_found" } as const;

/** Other methods on the route, and paths next to it: answered in the error shape too, never passed on. */
export const routeCases: BadRequestCase[] = [
  misrouted("PUT with an acceptable body", "PUT", "/v1/face-liveness", notAllowed),
  misrouted("PATCH with an acceptable body", "PATCH", "/v1/face-liveness", notAllowed),
  misrouted("DELETE with an acceptable body", "DELETE", "/v1/face-liveness", notAllowed),
  misrouted("POST to the health check", "POST", "/healthz", {
    status: 405,
    code: "method_not_allowed",
    headers: { allow: "GET, HEAD, OPTIONS" },
  }),
  misrouted("PUT to the OpenAPI document", "PUT", "/v1/openapi.json", {
    status: 405,
    code: "method_not_allowed",
    headers: { allow: "GET, HEAD, OPTIONS" },
  }),
  misrouted("a trailing slash", "POST", "/v1/face-liveness/", notFound),
  misrouted("the path in capitals", "POST", "/V1/FACE-LIVENESS", notFound),
  misrouted("a doubled slash", "POST", "/v1//face-liveness", notFound),
  misrouted("an encoded NUL after the path", "POST", "/v1/face-liveness%00", notFound),
  misrouted("a dot segment climbing out", "POST", "/v1/face-liveness/..%2f..%2fhealthz", notFound),
  misrouted("an older API version", "POST", "/v0/face-liveness", notFound),
  misrouted("a POST to the lookup of one merchantBizId", "POST", "/v1/face-liveness/abc123", {
    status: 405,
    code: "method_not_allowed",
    headers: { allow: "GET, HEAD, OPTIONS" },
  }),
  misrouted("a POST to the receipt key set", "POST", "/.well-known/jwks.json", notFound),
  lookup(
    "a lookup by a caller token (always a browser caller)",
    async () => bearer(await freshCallerToken()),
    {
      status: 403,
      code: "server_caller_required",
    },
  ),
  lookup("a lookup by the browser caller key", async () => bearer(STACK.callerKey), {
    status: 403,
    code: "server_caller_required",
  }),
  lookup(
    "a lookup path that climbs out",
    async () => bearer(STACK.serverKey),
    notFound,
    "/v1/face-liveness/..%2f..%2fhealthz",
  ),
];

/** A server-side lookup (`GET /v1/face-liveness/{merchantBizId}`) that must be refused. */
function lookup(
  name: string,
  credentials: () => Promise<Record<string, string>>,
  expected: BadRequestCase["expected"],
  path = `/v1/face-liveness/${badMerchantBizId()}`,
): BadRequestCase {
  return {
    name,
    expected,
    build: async () => ({ request: { via: "fetch", method: "GET", path, headers: await credentials() } }),
  };
}
