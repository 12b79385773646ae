import type { MiddlewareHandler } from "hono";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { writeRequestLog } from "./request-log.js";
import { ServerTiming } from "./server-timing.js";

/**
 * The outermost middleware: gives the request its id and timing collector, and when the answer is
 * ready adds `x-request-id` and `Server-Timing` to it and writes exactly one log line.
 */
export const observeRequest: MiddlewareHandler<ProxyAppEnv> = async (c, next) => {
  const started = performance.now();
  const requestId = crypto.randomUUID();
  const timing = new ServerTiming();
  c.set("requestId", requestId);
  c.set("timing", timing);
  c.set("log", {});
  try {
    await next();
  } finally {
    timing.add("total", performance.now() - started);
    const response = withHeaders(c.res, { "x-request-id": requestId, "server-timing": timing.header() });
    c.res = response;
    const url = new URL(c.req.url);
    writeRequestLog({
      ...c.get("log"),
      requestId,
      method: c.req.method,
      path: url.pathname.slice(0, 200),
      status: response.status,
      durationMs: timing.toJSON().total ?? 0,
      timings: timing.toJSON(),
    });
  }
};

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const entries = Object.entries(headers).filter(([, value]) => value !== "");
  try {
    for (const [name, value] of entries) response.headers.set(name, value);
    return response;
  } catch {
    // Immutable headers (a response made elsewhere): copy it once.
    const copy = new Response(response.body, response);
    for (const [name, value] of entries) copy.headers.set(name, value);
    return copy;
  }
}
