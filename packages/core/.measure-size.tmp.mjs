import { build, analyzeMetafile } from "esbuild";
import { gzipSync } from "node:zlib";
const src = "/work/main/packages/core/src";
const out = await build({ stdin: { contents: process.argv[2], resolveDir: src, loader: "ts" }, bundle: true, minify: true, format: "esm", write: false, metafile: true, target: "es2022",
  plugins: [{ name: "js-to-ts", setup(b) { b.onResolve({ filter: /\.js$/ }, (a) => ({ path: a.resolveDir + "/" + a.path.replace(/\.js$/, ".ts"), sideEffects: false })); } }] });
console.log(await analyzeMetafile(out.metafile));
if (process.argv[3]) console.log(out.outputFiles[0].text);
console.log("gz", gzipSync(out.outputFiles[0].contents, {level:9}).length);
