#!/usr/bin/env node
// Size budgets (min+gzip) of what an app bundles from core, measured the way a bundler sees it:
// esbuild bundles and minifies an entry that imports the named exports, tree-shaking the rest.
// Run after `pnpm build`. Exits non-zero when a budget is exceeded: the playground's imports or an app on the
// proxy client over 4 KB, the signer or the receipt verifier over 2 KB. The other browser bundles are printed against the same 4 KB
// as information only (within or over, with the figures): the rows after them show the proxy client, the image
// checks, the input validation and the error table alone.
//
// The budgets: "everything a browser app imports from core <= 4 KB min+gz; the signer alone <= 2 KB".
// A browser app imports by name, so each browser bundle below lists real imports:
// - the playground (packages/playground/src, non-test files: grep "@liveness-kit/core" there; base64ToBytes is
//   imported by a browser test only) talks to the proxy with its own HTTP client and explains errors with the
//   error table: this is one browser app the budget holds for;
// - an app on core's proxy client is the other. It does not import the error table: the proxy, which has it,
//   sends the hint (see API.md). Nor checkImage: the proxy runs checkImage on every image before any billed
//   call and answers a 422 `image_rejected` whose message and hint are that report's problems and fixes, which
//   the client carries in its LivenessApiError. Nor Base64Error: nothing on this path decodes base64.
//   It does import bytesToBase64 (the file to base64), IMAGE_LIMITS (size and resize targets), SUB_CODES,
//   createMerchantBizId (to know the id of a call it may resend after a timeout) and the errors it catches;
// - checking the image in the browser as well saves an upload that the proxy would refuse: what checkImage adds
//   to that app is printed next to it, as information (it takes the app over 4 KB);
// - "every browser export" is the union of the apps above plus the table itself.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const PLAYGROUND = `
  export { bytesToBase64, checkImage, readImageInfo } from "./dist/image/index.js";
  export { createMerchantBizId, isMerchantBizId, validateFaceLivenessInput } from "./dist/request/index.js";
  export { describeApiError, IMAGE_LIMITS, SUB_CODES } from "./dist/spec/index.js";`;
const PROXY_APP = `
  export { bytesToBase64 } from "./dist/image/index.js";
  export { createMerchantBizId } from "./dist/request/index.js";
  export { IMAGE_LIMITS, SUB_CODES } from "./dist/spec/index.js";
  export {
    LivenessApiError, LivenessError, NetworkError, ResponseFormatError, ValidationError,
  } from "./dist/errors/index.js";
  export { createProxyLivenessClient } from "./dist/client/index.js";`;
const PROXY_APP_WITH_IMAGE_CHECK = `${PROXY_APP}
  export { checkImage } from "./dist/image/index.js";`;
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
  { name: "browser: an app on the proxy client", code: PROXY_APP, limit: KB4 },
  {
    name: "browser: an app on the proxy client + checkImage first",
    code: PROXY_APP_WITH_IMAGE_CHECK,
    informational: KB4,
  },
  {
    name: "browser: every browser export (the apps above + API_ERRORS)",
    code: EVERY_BROWSER_EXPORT,
    informational: KB4,
  },
  {
    name: "the signer alone (signRequest)",
    code: `export { signRequest } from "./dist/sign/index.js";`,
    limit: 2048,
  },
  {
    name: "receipt verification (@liveness-kit/core/receipt: verifyLivenessReceipt, createReceiptVerifier)",
    code: `export { createReceiptVerifier, verifyLivenessReceipt } from "./dist/receipt/index.js";`,
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
  {
    name: "byte primitives (@liveness-kit/core/bytes: bytesToHex, crc32)",
    code: `export { bytesToHex, crc32 } from "./dist/bytes/index.js";`,
  },
  {
    name: "PNG structure (@liveness-kit/core/png: walkPngChunks, pngPasses)",
    code: `export { walkPngChunks, pngPasses } from "./dist/png/index.js";`,
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
