import { MERCHANT_BIZ_ID_PATTERN } from "@liveness-kit/core/spec";
import { type Handler, Hono } from "hono";
import { answerError, answerNotFound } from "./answers/error-handler.js";
import { ProxyError } from "./answers/proxy-error.js";
import { authenticateCaller } from "./auth/authenticate-caller.js";
import { corsPolicy } from "./auth/cors-policy.js";
import { useConfig } from "./config/use-config.js";
import { drainUnreadBody } from "./input/drain-unread-body.js";
import { admitCaller, requireAdmission } from "./limits/admit-caller.js";
import { observeRequest } from "./observability/observe-request.js";
import type { ProxyAppEnv } from "./proxy-app-env.js";
import { faceLivenessRoute } from "./routes/face-liveness-route.js";
import { healthRoute } from "./routes/health-route.js";
import { jwksPreflight, jwksRoute } from "./routes/jwks-route.js";
import { lookupRoute } from "./routes/lookup-route.js";
import { openApiRoute } from "./routes/openapi-route.js";

/** `GET /v1/face-liveness/{merchantBizId}`: only a MerchantBizId (core's rule, without its anchors) matches. */
const LOOKUP_PATH = `/v1/face-liveness/:merchantBizId{${MERCHANT_BIZ_ID_PATTERN.source.slice(1, -1)}}`;

/**
 * The proxy's Hono app: the order of the middleware and the routes, nothing else.
 * observe (request id, timing, one log line) -> drain an unread body -> configuration -> CORS -> routes; the face-liveness routes
 * add caller authentication and the caller's admission (rate limit, token used once) before their handler; the
 * POST starts the admission and its handler awaits it beside the idempotency decision (one round trip). The receipt keys come before CORS:
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
app.post("/v1/face-liveness", authenticateCaller, admitCaller, faceLivenessRoute);
app.all("/healthz", methodNotAllowed("GET, HEAD, OPTIONS"));
app.all("/v1/openapi.json", methodNotAllowed("GET, HEAD, OPTIONS"));
app.all("/v1/face-liveness", methodNotAllowed("POST, OPTIONS"));
// Only a path segment that can be a merchantBizId is this route: anything else (dot segments, encoded
// slashes) is a 404 like any unknown path.
app.get(LOOKUP_PATH, authenticateCaller, requireAdmission, lookupRoute);
app.all(LOOKUP_PATH, methodNotAllowed("GET, HEAD, OPTIONS"));

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
