// The example's backend on Node: the API (app.ts) and the built page (dist/public), on one origin.
// Settings come from the environment; the defaults fit `npm start`'s local stack and nothing else.

import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { createApp } from "./app.js";
import { proxyReceiptVerifier } from "./verifier.js";

const env = process.env;
const host = env.HOST ?? "127.0.0.1";
const port = Number(env.PORT ?? 5174);
const proxyUrl = (env.PROXY_URL ?? "http://127.0.0.1:8787").replace(/\/+$/, "");
// The edge proxy's committed development secret (packages/edge-proxy/dev.vars): never use it in production.
const DEV_SECRET = "dev-caller-token-secret-do-not-use-in-production";
const callerTokenSecret = env.CALLER_TOKEN_SECRET ?? DEV_SECRET;
if (callerTokenSecret === DEV_SECRET && env.NODE_ENV === "production") {
  console.error("web-signup: set CALLER_TOKEN_SECRET; the development secret is refused in production.");
  process.exit(1);
}

// The proxy signs receipts for this audience (its RECEIPT_AUDIENCE, "liveness-app" unless set).
const verifyReceipt = proxyReceiptVerifier(proxyUrl, env.RECEIPT_AUDIENCE ?? "liveness-app");
const app = createApp({
  proxyUrl,
  callerTokenSecret,
  callerTokenAudience: env.CALLER_TOKEN_AUDIENCE ?? "liveness-edge-proxy",
  verifyReceipt,
});
const publicDir = fileURLToPath(new URL("../public/", import.meta.url));
// The page loads nothing from anyone but this origin, and talks only to it and the proxy. WebAssembly (the
// face detector) needs 'wasm-unsafe-eval'; the compression worker starts from a blob: URL; the element's
// shadow DOM carries its own <style>; bundlers may inline a small model manifest as a data: URL.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  `connect-src 'self' data: ${proxyUrl}`,
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
].join("; ");
app.use("/*", async (c, next) => {
  await next();
  c.header("content-security-policy", contentSecurityPolicy);
  c.header("x-content-type-options", "nosniff");
  c.header("referrer-policy", "no-referrer");
});
app.use("/*", serveStatic({ root: publicDir }));

serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  console.log(`web-signup example on http://${host}:${info.port}/ (proxy ${proxyUrl})`);
});
