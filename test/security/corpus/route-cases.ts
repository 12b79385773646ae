import type { BadRequestCase } from "./bad-request-case.js";
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
];
