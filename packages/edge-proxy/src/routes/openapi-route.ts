import type { Handler } from "hono";
import { jsonResponse } from "../answers/json-response.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { OPENAPI_DOCUMENT } from "./openapi-document.js";

/** `GET /v1/openapi.json`: the OpenAPI 3.1 description of the proxy. */
export const openApiRoute: Handler<ProxyAppEnv> = () =>
  jsonResponse({ status: 200, body: OPENAPI_DOCUMENT as unknown as Record<string, unknown>, headers: {} });
