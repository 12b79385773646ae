import type { Handler } from "hono";
import type { ProxyAppEnv } from "../proxy-app-env.js";
import { publishedJwks } from "../receipts/published-jwks.js";

/** Public keys only, so any page or server may read them; caches keep them a few minutes. */
const JWKS_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "public, max-age=300, must-revalidate",
  "access-control-allow-origin": "*",
  "x-content-type-options": "nosniff",
};

/**
 * `GET /.well-known/jwks.json`: the public keys that verify receipts (RFC 7517), the signing key first.
 * No authentication and open to every origin: a verifier in any language fetches it as it is. Five minutes
 * of caching keeps a rotation quick: a verifier that meets an unknown `kid` fetches again anyway.
 */
export const jwksRoute: Handler<ProxyAppEnv> = async (c) => {
  const body = JSON.stringify(await publishedJwks(c.get("config").receipts));
  return new Response(c.req.method === "HEAD" ? null : body, { status: 200, headers: JWKS_HEADERS });
};

/** A preflight for the key set: any origin may GET it. */
export const jwksPreflight: Handler<ProxyAppEnv> = () =>
  new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-max-age": "86400",
    },
  });
