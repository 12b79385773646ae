import { ValidationError } from "@liveness-kit/core/errors";
import type { Context } from "hono";
import { ConfigError } from "../config/config-error.js";
import type { RequestLogFields } from "../observability/request-log.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { errorAnswer } from "./error-answer.js";
import { jsonResponse } from "./json-response.js";
import { ProxyError } from "./proxy-error.js";

/**
 * The app's error handler: a `ProxyError` is answered as it says; a configuration problem is a 503
 * whose details go to the log only; core's `ValidationError` is a 400 with its issues; anything else is
 * a clean 500 that shows no internals (the log line gets the error's name, not its message).
 */
export function answerError(error: Error, c: Context<ProxyAppEnv>): Response {
  const log = c.get("log") ?? {};
  const proxyError = toProxyError(error, log);
  log.code = proxyError.code;
  log.retryable = proxyError.retryable;
  if (proxyError.operatorHint !== undefined) log.operatorHint = proxyError.operatorHint;
  return jsonResponse(errorAnswer(proxyError, c.get("requestId") ?? "unknown"));
}

function toProxyError(error: Error, log: Partial<RequestLogFields>): ProxyError {
  if (error instanceof ProxyError) return error;
  if (error instanceof ConfigError) {
    log.configProblems = error.problems;
    return new ProxyError(
      503,
      "proxy_misconfigured",
      "The proxy is not configured correctly; its operator must fix it.",
      {
        retryable: true,
        retryAfterMs: 60_000,
      },
    );
  }
  if (error instanceof ValidationError) {
    const issues = error.issues.map(({ field, code, message }) => ({ field, code, message }));
    return new ProxyError(400, "invalid_request", "The request breaks the API's rules.", {
      details: { issues },
    });
  }
  log.errorName = error.name.slice(0, 64);
  return new ProxyError(
    500,
    "internal_error",
    "The proxy failed unexpectedly; retry, and report the requestId if it persists.",
    {
      retryable: true,
    },
  );
}

/** The answer for a path the proxy does not serve. */
export function answerNotFound(c: Context<ProxyAppEnv>): Response {
  return answerError(new ProxyError(404, "not_found", "No such endpoint; see GET /v1/openapi.json."), c);
}
