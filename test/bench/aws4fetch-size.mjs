import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/**
 * min+gzip size of what an app bundles from aws4fetch, measured exactly as packages/core/bench/size.mjs
 * measures core (esbuild bundle, minify, ESM, browser, es2022, gzip -9): the whole client (`AwsClient`)
 * and the signer alone (`AwsV4Signer`).
 * @returns {Promise<{ client: { min: number; gzip: number }; signer: { min: number; gzip: number } }>}
 */
export async function aws4fetchSize() {
  return {
    client: await bundleSize(`export { AwsClient } from "aws4fetch";`),
    signer: await bundleSize(`export { AwsV4Signer } from "aws4fetch";`),
  };
}

async function bundleSize(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: new URL(".", import.meta.url).pathname, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0].contents;
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}
