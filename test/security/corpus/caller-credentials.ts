import { createHmac } from "node:crypto";
import { mintCallerToken } from "../../../packages/core/dist/token/index.js";
import { devVar } from "../dev-vars.js";

/** The audience the local proxy expects (wrangler.jsonc `CALLER_TOKEN_AUDIENCE`). */
export const TOKEN_AUDIENCE = "liveness-edge-proxy";

/** The token secret of the proxy's committed local config. */
export function devTokenSecret(): string {
  return devVar("CALLER_TOKEN_SECRET");
}

/**
 * A caller token from core's `mintCallerToken`, valid for the local proxy unless an option says otherwise.
 * Each has its own opaque subject, so each request gets its own rate-limit bucket (the corpus sends far
 * more than one caller's burst) and its own id (a token is accepted once).
 */
export function freshCallerToken(
  options: { secret?: string; audience?: string; ttlSeconds?: number; now?: Date; id?: string } = {},
): Promise<string> {
  return mintCallerToken({
    secret: options.secret ?? devTokenSecret(),
    subject: `sec-${crypto.randomUUID()}`,
    audience: options.audience ?? TOKEN_AUDIENCE,
    ttlSeconds: options.ttlSeconds,
    now: options.now,
    id: options.id,
  });
}

/**
 * Signs any claims (or any claims text) the way core does, for tokens `mintCallerToken` refuses to make:
 * a life over ten minutes, odd claim types, another prefix.
 */
export function forgeCallerToken(
  claims: unknown,
  options: { secret?: string; prefix?: string } = {},
): string {
  const text = typeof claims === "string" ? claims : JSON.stringify(claims);
  const signedPart = `${options.prefix ?? "lkt1"}.${Buffer.from(text).toString("base64url")}`;
  const mac = createHmac("sha256", options.secret ?? devTokenSecret())
    .update(signedPart)
    .digest("base64url");
  return `${signedPart}.${mac}`;
}

/** The Authorization header of a bearer credential. */
export function bearer(credential: string): { authorization: string } {
  return { authorization: `Bearer ${credential}` };
}
