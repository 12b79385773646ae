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
import { jwksPreflight, jwksRoute } from "./routes/jwks-route.js";
import { lookupRoute } from "./routes/lookup-route.js";
import { openApiRoute } from "./routes/openapi-route.js";

/**
 * The proxy's Hono app: the order of the middleware and the routes, nothing else.
 * observe (request id, timing, one log line) -> drain an unread body -> configuration -> CORS -> routes; the face-liveness routes
 * add caller authentication and the caller's rate limit before their handler. The receipt keys come before CORS:
 * they are public and open to every origin.
 */
export const app = new Hono<ProxyAppEnv>();

app.use("*", observeRequest);
app.use("*", drainUnreadBody);
app.use("*", useConfig);
app.get("/.well-known/jwks.json", jwksRoute);
app.on("OPTIONS", "/.well-known/jwks.json", jwksPreflight);
app.use("*", corsPolicy);

app.get("/healthz", healthRoute);
app.get("/v1/openapi.json", openApiRoute);
app.post("/v1/face-liveness", authenticateCaller, limitCallerRate, faceLivenessRoute);
app.all("/healthz", methodNotAllowed("GET, HEAD, OPTIONS"));
app.all("/v1/openapi.json", methodNotAllowed("GET, HEAD, OPTIONS"));
app.all("/v1/face-liveness", methodNotAllowed("POST, OPTIONS"));
// Only a path segment that can be a merchantBizId is this route: anything else (dot segments, encoded
// slashes) is a 404 like any unknown path.
app.get(
  "/v1/face-liveness/:merchantBizId{[A-Za-z0-9]{1,32}}",
  authenticateCaller,
  limitCallerRate,
  lookupRoute,
);
app.all("/v1/face-liveness/:merchantBizId{[A-Za-z0-9]{1,32}}", methodNotAllowed("GET, HEAD, OPTIONS"));

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
