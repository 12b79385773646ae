import type { MiddlewareHandler } from "hono";
import { ProxyError } from "../answers/proxy-error.js";
import { unauthorized } from "../auth/authenticate-caller.js";
import type { Caller } from "../auth/caller.js";
import { callerGate } from "../durable-objects/object-stubs.js";
import type { ProxyEnv } from "../env.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";

/**
 * Starts the caller's admission (its `CallerGate`: a used token is refused with 401, beyond its rate
 * 429 with `Retry-After`) and puts it on the context unawaited, so it runs while the body is read and
 * beside the idempotency decision: the handler must await `admission` before it answers or spends
 * anything (`runOnce` does, and the route does before any error answer, so a refused caller always
 * hears the refusal first).
 */
export const admitCaller: MiddlewareHandler<ProxyAppEnv> = async (c, next) => {
  c.set("admission", startAdmission(c.env, c.get("caller")));
  await next();
};

/** `admitCaller`, awaited before the handler runs (for routes with nothing to do beside it). */
export const requireAdmission: MiddlewareHandler<ProxyAppEnv> = async (c, next) => {
  await startAdmission(c.env, c.get("caller"));
  await next();
};

/** Resolves when the caller is admitted; rejects with the `ProxyError` to answer otherwise. */
export function startAdmission(env: ProxyEnv, caller: Caller): Promise<void> {
  const token =
    caller.tokenId !== undefined && caller.tokenExpiresAtMs !== undefined
      ? { id: caller.tokenId, expiresAtMs: caller.tokenExpiresAtMs }
      : undefined;
  const admission = callerGate(env, caller.id)
    .admit(caller.rate, token)
    .then((decision) => {
      if (decision.kind === "token_replayed") {
        throw unauthorized("token_replayed", "This caller token was already used; mint one per request.");
      }
      if (decision.kind === "rate_limited") {
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
    });
  // Awaited later (or never, when the request fails first): not an unhandled rejection meanwhile.
  admission.catch(() => {});
  return admission;
}
