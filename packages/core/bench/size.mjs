#!/usr/bin/env node
// Size budgets (min+gzip) of what an app bundles from core, measured the way a bundler sees it:
// esbuild bundles and minifies an entry that imports the subpaths, tree-shaking the rest.
// Run after `pnpm build`. Exits non-zero when a budget is exceeded.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const budgets = [
  {
    name: "everything a browser app imports (image, request, response, spec, client, errors)",
    code: `export * from "./dist/image/index.js"; export * from "./dist/request/index.js";
           export * from "./dist/response/index.js"; export * from "./dist/spec/index.js";
           export * from "./dist/client/index.js"; export * from "./dist/errors/index.js";`,
    limit: 4096,
  },
  { name: "the signer alone (signRequest)", code: `export { signRequest } from "./dist/sign/index.js";`, limit: 2048 },
  { name: "the whole package (every export)", code: `export * from "./dist/index.js";` },
];

let failed = false;
const rows = [];
for (const budget of budgets) {
  const result = await build({
    stdin: { contents: budget.code, resolveDir: new URL("..", import.meta.url).pathname, loader: "js" },
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
  const over = budget.limit !== undefined && gzip > budget.limit;
  failed ||= over;
  rows.push({
    bundle: budget.name,
    "min (B)": bytes.length,
    "min+gz (B)": gzip,
    budget: budget.limit === undefined ? "-" : `${budget.limit}`,
    verdict: budget.limit === undefined ? "-" : over ? "OVER" : "ok",
  });
}
console.log("core size (esbuild, minified, gzip -9):");
console.table(rows);
if (failed) {
  console.error("a size budget is exceeded");
  process.exit(1);
}
