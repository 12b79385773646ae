import type { MiddlewareHandler } from "hono";
import { ProxyError } from "../answers/proxy-error.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";

/**
 * The per-caller token bucket (a `RateLimitObject` named after the caller): beyond it 429 with
 * `Retry-After`, before the body is even read.
 */
export const limitCallerRate: MiddlewareHandler<ProxyAppEnv> = async (c, next) => {
  const caller = c.get("caller");
  const bucket = c.env.RATE_LIMITS.get(c.env.RATE_LIMITS.idFromName(`caller:${caller.id}`));
  const decision = await bucket.take(caller.rate);
  if (!decision.allowed) {
    throw new ProxyError(
      429,
      "rate_limited",
      "Too many requests from this caller; retry after the given delay.",
      {
        retryable: true,
        retryAfterMs: decision.retryAfterMs,
      },
    );
  }
  await next();
};
