import type { Handler } from "hono";
import { jsonResponse } from "../answers/json-response.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { openApiDocument } from "./openapi-document.js";

/**
 * `GET /v1/openapi.json`: the OpenAPI 3.1 description of the proxy, whose `servers` is the origin it was
 * fetched from (a client generated from it calls this deployment, not a fixed local address).
 */
export const openApiRoute: Handler<ProxyAppEnv> = (c) => {
  const servers = [{ url: new URL(c.req.url).origin, description: "this proxy" }];
  const body = { ...openApiDocument(), servers } as unknown as Record<string, unknown>;
  return jsonResponse({ status: 200, body, headers: {} });
};
