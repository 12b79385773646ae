import { STACK } from "../../support/stack-urls.js";
import type { BadRequestCase } from "./bad-request-case.js";
import { acceptableBody, jsonRequest } from "./json-request.js";

/**
 * The playground's port: the stack allows http://localhost and http://127.0.0.1 on it and on the example app's
 * port, and nothing else.
 */
const PORT = new URL(STACK.playground).port;
/** A port beside the playground's that the stack does not allow (the example app's is allowed). */
const NEIGHBOUR_PORT = [1, 2, 3]
  .map((step) => Number(PORT) + step)
  .find((port) => port !== Number(new URL(STACK.example).port));

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
  fromOrigin(`http://localhost:${NEIGHBOUR_PORT}`),
  fromOrigin(`http://localhost:${PORT}/`),
  fromOrigin(`HTTP://LOCALHOST:${PORT}`),
  fromOrigin(`https://localhost:${PORT}`),
  fromOrigin("http://localhost"),
  fromOrigin(`http://localhost:${PORT}.evil.example`),
  fromOrigin(`http://evil.example#http://localhost:${PORT}`),
  fromOrigin(`http://127.0.0.1:${PORT} http://evil.example`),
  fromOrigin(`http://localhost:${PORT}, https://evil.example`),
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
    `http://localhost:${PORT}`,
    "authorization, x-api-key",
    {
      status: 403,
      code: "header_not_allowed",
    },
  ),
  preflight("a preflight from an allowed origin asking for cookie", `http://127.0.0.1:${PORT}`, "cookie", {
    status: 403,
    code: "header_not_allowed",
  }),
];
