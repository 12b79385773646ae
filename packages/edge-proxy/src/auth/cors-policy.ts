import type { MiddlewareHandler } from "hono";
import { errorAnswer } from "../answers/error-answer.js";
import { jsonResponse } from "../answers/json-response.js";
import { ProxyError } from "../answers/proxy-error.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";

const ALLOWED_METHODS = "GET, POST, OPTIONS";
const ALLOWED_HEADERS = ["authorization", "content-type"];
const EXPOSED_HEADERS = "x-request-id, server-timing, idempotent-replay, retry-after";

/**
 * CORS for the configured origins only. CORS is not authentication: an allowed origin still needs a
 * caller key or token. A request from any other browser origin (preflight or not) is refused with 403
 * before anything else runs; requests without `Origin` (servers, curl) pass untouched.
 */
export const corsPolicy: MiddlewareHandler<ProxyAppEnv> = async (c, next) => {
  const origin = c.req.header("origin");
  const isPreflight = c.req.method === "OPTIONS";
  if (origin === undefined) {
    if (isPreflight) return new Response(null, { status: 204, headers: { allow: ALLOWED_METHODS } });
    await next();
    return;
  }
  c.get("log").origin = origin.slice(0, 200);
  const allowed = c.get("config").allowedOrigins.has(origin);
  if (!allowed) {
    const refusal = new ProxyError(
      403,
      "origin_not_allowed",
      "This origin may not call the proxy; add it to ALLOWED_ORIGINS.",
      { headers: { vary: "Origin" } },
    );
    return jsonResponse(errorAnswer(refusal, c.get("requestId")));
  }
  const corsHeaders: Record<string, string> = {
    "access-control-allow-origin": origin,
    vary: "Origin",
  };
  if (isPreflight) {
    const requested = (c.req.header("access-control-request-headers") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== "");
    const refused = requested.filter((name) => !ALLOWED_HEADERS.includes(name));
    if (refused.length > 0) {
      const refusal = new ProxyError(
        403,
        "header_not_allowed",
        `The proxy accepts only these request headers: ${ALLOWED_HEADERS.join(", ")}.`,
        { headers: corsHeaders },
      );
      return jsonResponse(errorAnswer(refusal, c.get("requestId")));
    }
    return new Response(null, {
      status: 204,
      headers: {
        ...corsHeaders,
        "access-control-allow-methods": ALLOWED_METHODS,
        "access-control-allow-headers": ALLOWED_HEADERS.join(", "),
        "access-control-max-age": "600",
      },
    });
  }
  await next();
  for (const [name, value] of Object.entries(corsHeaders)) c.res.headers.set(name, value);
  c.res.headers.set("access-control-expose-headers", EXPOSED_HEADERS);
  c.res.headers.set("timing-allow-origin", origin);
};
