#!/usr/bin/env node
// Size budgets (min+gzip) of what an app bundles from core, measured the way a bundler sees it:
// esbuild bundles and minifies an entry that imports the named exports, tree-shaking the rest.
// Run after `pnpm build`. Exits non-zero when a budget is exceeded: the playground's imports over 4 KB or the
// signer over 2 KB. The other browser bundles are printed against the same 4 KB as information only (within or
// over, with the figures): the rows after them show the proxy client, the image checks, the input validation and
// the error table alone.
//
// The budgets: "everything a browser app imports from core <= 4 KB min+gz; the signer alone <= 2 KB".
// A browser app imports by name, so each browser bundle below lists real imports:
// - the playground (packages/playground/src, non-test files: grep "@liveness-kit/core" there; base64ToBytes is
//   imported by a browser test only) talks to the proxy with its own HTTP client and explains errors with the
//   error table: this is the browser app the budget holds for;
// - an app on core's proxy client gets the hints from the proxy, which has the table (see API.md), so it
//   does not import the table;
// - "every browser export" is the union of both plus the table itself.
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

// `limit`: a budget that fails the run; `informational`: a figure to compare with, printed only.
const bundles = [
  { name: "browser: the playground's imports", code: PLAYGROUND, limit: KB4 },
  { name: "browser: an app on the proxy client", code: PROXY_APP, informational: KB4 },
  {
    name: "browser: every browser export (both above + API_ERRORS)",
    code: EVERY_BROWSER_EXPORT,
    informational: KB4,
  },
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
  const budget = bundle.limit ?? bundle.informational;
  const over = budget !== undefined && gzip > budget;
  let verdict = "-";
  if (bundle.limit !== undefined) verdict = over ? "OVER" : "ok";
  else if (budget !== undefined) verdict = over ? "over (informational)" : "within (informational)";
  rows.push({
    bundle: bundle.name,
    "min (B)": bytes.length,
    "min+gz (B)": gzip,
    budget: budget === undefined ? "-" : `${budget}${bundle.limit === undefined ? " (informational)" : ""}`,
    verdict,
    limit: bundle.limit,
  });
}
console.log("core size (esbuild, minified, gzip -9):");
console.table(rows.map(({ limit, ...row }) => row));
for (const row of rows.filter((r) => r.verdict === "over (informational)")) {
  console.log(
    `informational: ${row.bundle} is ${row["min+gz (B)"]} B, over the ${parseInt(row.budget, 10)} B it is compared with`,
  );
}
const exceeded = rows.filter((row) => row.verdict === "OVER");
for (const row of exceeded) {
  console.error(`budget exceeded: ${row.bundle} is ${row["min+gz (B)"]} B, limit ${row.limit} B`);
}
if (exceeded.length > 0) process.exit(1);
