import type { MiddlewareHandler } from "hono";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { DEFAULT_BODY_READ_LIMITS, drainBoundsOf } from "./body-read-limits.js";
import { discardBody } from "./discard-body.js";
import { TimedReader } from "./timed-reader.js";

/**
 * When the proxy answers before reading the body (a refused caller, a rate limit, a wrong path), the client
 * may still be uploading; closing the connection then makes it fail with a reset instead of reading the answer.
 * So an unread body is read and discarded, within the drain bounds of the configuration (the defaults when
 * the configuration itself is broken), before the answer goes out.
 */
export const drainUnreadBody: MiddlewareHandler<ProxyAppEnv> = async (c, next) => {
  await next();
  const body = c.req.raw.body;
  if (body === null || c.req.raw.bodyUsed || body.locked) return;
  const limits = c.get("config")?.body ?? DEFAULT_BODY_READ_LIMITS;
  await discardBody(new TimedReader(body.getReader()), drainBoundsOf(limits));
};
