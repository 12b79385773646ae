import type { Handler } from "hono";
import { jsonResponse } from "../answers/json-response.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";

/**
 * `GET /healthz`: 200 when the Worker runs and its configuration parses (a broken configuration is
 * answered 503 by the error handler before this runs). It reveals nothing of the configuration.
 */
export const healthRoute: Handler<ProxyAppEnv> = (c) =>
  jsonResponse({ status: 200, body: { status: "ok", requestId: c.get("requestId") }, headers: {} });
