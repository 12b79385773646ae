import { type Handler, Hono } from "hono";
import { answerError, answerNotFound } from "./answers/answer-error.js";
import { ProxyError } from "./answers/proxy-error.js";
import { authenticateCaller } from "./auth/authenticate-caller.js";
import { corsPolicy } from "./auth/cors-policy.js";
import { useConfig } from "./config/use-config.js";
import { drainUnreadBody } from "./input/drain-unread-body.js";
import { limitCallerRate } from "./limits/limit-caller-rate.js";
import { observeRequest } from "./observability/observe-request.js";
import type { ProxyAppEnv } from "./proxy-app-env.js";
import { faceLivenessRoute } from "./routes/face-liveness-route.js";
import { healthRoute } from "./routes/health-route.js";
import { openApiRoute } from "./routes/openapi-route.js";

/**
 * The proxy's Hono app: the order of the middleware and the routes, nothing else.
 * observe (request id, timing, one log line) -> drain an unread body -> configuration -> CORS -> routes; the face-liveness route
 * adds caller authentication and the caller's rate limit before its handler.
 */
export const app = new Hono<ProxyAppEnv>();

app.use("*", observeRequest);
app.use("*", drainUnreadBody);
app.use("*", useConfig);
app.use("*", corsPolicy);

app.get("/healthz", healthRoute);
app.get("/v1/openapi.json", openApiRoute);
app.post("/v1/face-liveness", authenticateCaller, limitCallerRate, faceLivenessRoute);
app.all("/healthz", methodNotAllowed("GET, HEAD, OPTIONS"));
app.all("/v1/openapi.json", methodNotAllowed("GET, HEAD, OPTIONS"));
app.all("/v1/face-liveness", methodNotAllowed("POST, OPTIONS"));

app.notFound(answerNotFound);
app.onError(answerError);

/** A 405 that says, in `Allow` (RFC 9110), which methods the path does serve. */
function methodNotAllowed(allow: string): Handler<ProxyAppEnv> {
  return () => {
    throw new ProxyError(405, "method_not_allowed", `Use ${allow.split(", ")[0]}.`, {
      headers: { allow },
    });
  };
}
