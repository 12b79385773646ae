import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const outDir = new URL("../../test-results/modules/", import.meta.url);

/**
 * Imports a TypeScript module of the test suite (a fixture generator, a support helper) from a plain Node
 * script: Node 20 cannot load `.ts` files, so esbuild compiles the module and the suite's own files it
 * imports into one ES module under test-results/modules/, leaving packages to Node's resolution.
 * @param {URL} url the module's file URL
 * @returns {Promise<Record<string, unknown>>} the module's exports
 */
export async function importTypeScriptModule(url) {
  const result = await build({
    entryPoints: [url.pathname],
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  mkdirSync(outDir, { recursive: true });
  const file = new URL(`${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`, outDir);
  writeFileSync(file, code);
  return import(file.href);
}
