import type { BadRequestCase } from "./bad-request-case.js";
import { acceptableBody, jsonRequest } from "./json-request.js";

const originRefused = { status: 403, code: "origin_not_allowed" } as const;

/** The acceptable body, properly authenticated, from a browser origin the proxy does not allow. */
const fromOrigin = (origin: string): BadRequestCase => ({
  name: `from origin ${JSON.stringify(origin.length > 60 ? `${origin.slice(0, 60)}...` : origin)}`,
  expected: originRefused,
  build: async () => ({ request: await jsonRequest(acceptableBody(), { headers: { origin } }) }),
});

/** A CORS preflight for the route. */
const preflight = (
  name: string,
  origin: string,
  requestHeaders: string,
  expected: BadRequestCase["expected"],
): BadRequestCase => ({
  name,
  expected,
  build: async () => ({
    request: {
      via: "fetch",
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": requestHeaders,
      },
    },
  }),
});

/** Foreign origins (look-alikes of the allowed ones included) and preflights the proxy must refuse. */
export const originCases: BadRequestCase[] = [
  fromOrigin("https://evil.example"),
  fromOrigin("null"),
  fromOrigin("http://localhost:5174"),
  fromOrigin("http://localhost:5173/"),
  fromOrigin("HTTP://LOCALHOST:5173"),
  fromOrigin("https://localhost:5173"),
  fromOrigin("http://localhost"),
  fromOrigin("http://localhost:5173.evil.example"),
  fromOrigin("http://evil.example#http://localhost:5173"),
  fromOrigin("http://127.0.0.1:5173 http://evil.example"),
  fromOrigin("http://localhost:5173, https://evil.example"),
  fromOrigin("chrome-extension://abcdefghijklmnopabcdefghijklmnop"),
  fromOrigin("file://"),
  fromOrigin(`https://${"a".repeat(5_000)}.example`),
  preflight(
    "a preflight from a foreign origin",
    "https://evil.example",
    "authorization, content-type",
    originRefused,
  ),
  preflight(
    "a preflight from an allowed origin asking for x-api-key",
    "http://localhost:5173",
    "authorization, x-api-key",
    {
      status: 403,
      code: "header_not_allowed",
    },
  ),
  preflight("a preflight from an allowed origin asking for cookie", "http://127.0.0.1:5173", "cookie", {
    status: 403,
    code: "header_not_allowed",
  }),
];
