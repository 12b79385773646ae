import type { ProxyErrorCode } from "@liveness-kit/contract";
import { verifyCallerToken } from "@liveness-kit/core/token";
import type { MiddlewareHandler } from "hono";
import { ProxyError } from "../answers/proxy-error.js";
import type { ProxyConfig } from "../config/proxy-config.js";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import type { Caller } from "./caller.js";
import { matchCallerKey } from "./match-caller-key.js";

/** Core's caller tokens start with this; anything else is treated as a caller key. */
const TOKEN_PREFIX = "lkt1.";
/** Longer credentials are refused unread: no configured key or token is anywhere near this. */
const MAX_CREDENTIAL_LENGTH = 4_096;
const BEARER = /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i;

/**
 * Requires `Authorization: Bearer <caller key | caller token>` and puts the `Caller` on the context.
 * Keys are matched by SHA-256 in constant time; tokens are verified with core (signature, audience,
 * expiry, at most 10 minutes of life) and used once: a replay is refused until the token expires.
 */
export const authenticateCaller: MiddlewareHandler<ProxyAppEnv> = async (c, next) => {
  const config = c.get("config");
  const header = c.req.header("authorization");
  if (header === undefined)
    throw unauthorized("missing_credentials", "Send Authorization: Bearer <caller key or token>.");
  const credential = header.length <= MAX_CREDENTIAL_LENGTH + 16 ? BEARER.exec(header)?.[1] : undefined;
  if (credential === undefined || credential.length > MAX_CREDENTIAL_LENGTH) {
    throw unauthorized(
      "invalid_credentials",
      "The Authorization header must be Bearer <caller key or token>.",
    );
  }
  const caller = credential.startsWith(TOKEN_PREFIX)
    ? await callerFromToken(credential, config)
    : await callerFromKey(credential, config);
  c.set("caller", caller);
  c.get("log").caller = caller.logName;
  if (caller.tokenId !== undefined) c.get("log").tokenId = caller.tokenId;
  await next();
};

async function callerFromKey(key: string, config: ProxyConfig): Promise<Caller> {
  const entry = await matchCallerKey(key, config.callerKeys);
  if (entry === undefined) throw unauthorized("invalid_credentials", "The caller key or token is not valid.");
  return {
    id: `key:${entry.id}`,
    kind: "key",
    subject: entry.id,
    role: entry.role,
    logName: `key:${entry.id}`,
    rate: entry.rate ?? config.callerRate,
  };
}

const TOKEN_REASONS: Record<string, string> = {
  malformed: "The caller token is malformed.",
  bad_signature: "The caller token is not valid.",
  expired: "The caller token has expired; mint a new one.",
  not_yet_valid: "The caller token is not valid yet; check the clock of the server that minted it.",
  wrong_audience: "The caller token was minted for another audience.",
  ttl_too_long: "The caller token lives longer than 10 minutes; mint tokens with a shorter life.",
};

async function callerFromToken(token: string, config: ProxyConfig): Promise<Caller> {
  if (config.callerToken === undefined) {
    throw unauthorized("invalid_credentials", "The caller key or token is not valid.");
  }
  const verified = await verifyCallerToken(token, {
    secret: config.callerToken.secret,
    audience: config.callerToken.audience,
    maxTtlSeconds: 600,
  });
  if (!verified.ok) {
    throw unauthorized(
      `token_${verified.reason}` as const,
      TOKEN_REASONS[verified.reason] ?? "The caller token is not valid.",
    );
  }
  const { sub, jti, exp } = verified.claims;
  if (
    typeof sub !== "string" ||
    sub === "" ||
    sub.length > 256 ||
    typeof jti !== "string" ||
    jti === "" ||
    jti.length > 128
  ) {
    throw unauthorized("token_malformed", TOKEN_REASONS.malformed ?? "");
  }
  // Used once: the caller's `CallerGate` refuses a replay, in the same round trip as its rate (`admitCaller`).
  return {
    id: `token:${sub}`,
    kind: "token",
    subject: sub,
    role: "browser",
    logName: "token",
    tokenId: jti,
    tokenExpiresAtMs: exp * 1_000,
    rate: config.callerRate,
  };
}

/** The 401 of a refused credential, with `WWW-Authenticate`. */
export function unauthorized(code: ProxyErrorCode, message: string): ProxyError {
  return new ProxyError(401, code, message, {
    headers: { "www-authenticate": 'Bearer realm="liveness-edge-proxy"' },
  });
}
