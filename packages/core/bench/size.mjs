#!/usr/bin/env node
// Size budgets (min+gzip) of what an app bundles from core, measured the way a bundler sees it:
// esbuild bundles and minifies an entry that imports the named exports, tree-shaking the rest.
// Run after `pnpm build`. Exits non-zero when the signer is over its 2 KB budget; the browser bundles are printed
// against their 4 KB goal (met or OVER, with the figures) without failing the run, as the build+sign ratio is in
// sign.bench.mjs. Their floor is set by what they must hold: the rows after them show the image checks, the input
// validation and the error table alone.
//
// The budgets: "everything a browser app imports from core <= 4 KB min+gz; the signer alone <= 2 KB".
// A browser app imports by name, so each browser bundle below lists real imports:
// - the playground (packages/playground/src, non-test files: grep "@liveness-kit/core" there) talks to the
//   proxy with its own HTTP client and explains errors with the error table;
// - an app on core's proxy client gets the hints from the proxy, which has the table (see CONTRACT.md), so it
//   does not import the table;
// - "every browser export" is the union of both plus the table itself, printed against the same 4 KB goal.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const PLAYGROUND = `
  export { bytesToBase64, checkImage, readImageInfo } from "./dist/image/index.js";
  export { createMerchantBizId, isMerchantBizId, validateFaceLivenessInput } from "./dist/request/index.js";
  export { describeApiError, IMAGE_LIMITS, SUB_CODES } from "./dist/spec/index.js";`;
const PROXY_APP = `
  export { bytesToBase64, checkImage } from "./dist/image/index.js";
  export { createMerchantBizId } from "./dist/request/index.js";
  export { IMAGE_LIMITS, SUB_CODES } from "./dist/spec/index.js";
  export * from "./dist/errors/index.js";
  export { createProxyLivenessClient } from "./dist/client/index.js";`;
const EVERY_BROWSER_EXPORT = `
  export { bytesToBase64, checkImage, readImageInfo } from "./dist/image/index.js";
  export { createMerchantBizId, isMerchantBizId, validateFaceLivenessInput } from "./dist/request/index.js";
  export { API_ERRORS, describeApiError, IMAGE_LIMITS, SUB_CODES } from "./dist/spec/index.js";
  export * from "./dist/errors/index.js";
  export { createProxyLivenessClient } from "./dist/client/index.js";`;
const KB4 = 4096;

const bundles = [
  { name: "browser: the playground's imports", code: PLAYGROUND, goal: KB4 },
  { name: "browser: an app on the proxy client", code: PROXY_APP, goal: KB4 },
  { name: "browser: every browser export (both above + API_ERRORS)", code: EVERY_BROWSER_EXPORT, goal: KB4 },
  {
    name: "the signer alone (signRequest)",
    code: `export { signRequest } from "./dist/sign/index.js";`,
    limit: 2048,
  },
  {
    name: "the proxy client alone",
    code: `export { createProxyLivenessClient } from "./dist/client/index.js";`,
  },
  {
    name: "image checks (checkImage, bytesToBase64)",
    code: `export { checkImage, bytesToBase64 } from "./dist/image/index.js";`,
  },
  {
    name: "the error table (describeApiError)",
    code: `export { describeApiError } from "./dist/spec/index.js";`,
  },
  {
    name: "input validation (validateFaceLivenessInput)",
    code: `export { validateFaceLivenessInput } from "./dist/request/index.js";`,
  },
  {
    name: "the direct client (servers, Workers)",
    code: `export { createDirectLivenessClient } from "./dist/client/index.js";`,
  },
  { name: "the whole package (every export)", code: `export * from "./dist/index.js";` },
];

let failed = false;
const rows = [];
for (const bundle of bundles) {
  const result = await build({
    stdin: { contents: bundle.code, resolveDir: new URL("..", import.meta.url).pathname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0].contents;
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const budget = bundle.limit ?? bundle.goal;
  const over = budget !== undefined && gzip > budget;
  if (bundle.limit !== undefined) failed ||= over;
  rows.push({
    bundle: bundle.name,
    "min (B)": bytes.length,
    "min+gz (B)": gzip,
    budget: budget === undefined ? "-" : `${budget}${bundle.limit === undefined ? " (goal)" : ""}`,
    verdict: budget === undefined ? "-" : over ? "OVER" : "ok",
  });
}
console.log("core size (esbuild, minified, gzip -9):");
console.table(rows);
const missed = rows.filter((row) => row.verdict === "OVER" && row.budget.endsWith("(goal)"));
for (const row of missed)
  console.log(`goal missed: ${row.bundle} is ${row["min+gz (B)"]} B, goal ${parseInt(row.budget, 10)} B`);
if (failed) {
  console.error("a size budget is exceeded");
  process.exit(1);
}
