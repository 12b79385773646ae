import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const dist = new URL("../../packages/playground/dist/", import.meta.url);
// `import ... from "./x.js"`, `import "./x.js"`, `export ... from "./x.js"` (any quote); never `import(...)`.
const STATIC_IMPORT = /(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/**
 * The JavaScript a first visit to the built playground loads, gzipped (-9) file by file: the module
 * scripts and module preloads named in dist/index.html and every file they import statically. What is
 * imported dynamically (the editor, the camera, the compression library) is left out: it loads on demand.
 * @returns {{ files: string[]; bytes: number; gzipBytes: number }}
 */
export function firstLoadJsSize() {
  const html = readFileSync(new URL("index.html", dist), "utf8");
  const queue = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => new URL(match[1], dist).href);
  const seen = new Set();
  let bytes = 0;
  let gzipBytes = 0;
  while (queue.length > 0) {
    const href = queue.shift();
    if (seen.has(href)) continue;
    seen.add(href);
    const code = readFileSync(new URL(href));
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
    for (const match of code.toString("utf8").matchAll(STATIC_IMPORT)) {
      queue.push(new URL(match[1], href).href);
    }
  }
  return { files: [...seen].map((href) => href.slice(dist.href.length)), bytes, gzipBytes };
}
