// Copies the files the browser loads at run time beside the modules that reference them with
// `new URL("./assets/...", import.meta.url)`, so an app's bundler serves them from the app's own origin:
// face-api's tiny models (MIT), TF.js's WebAssembly binaries (Apache-2.0, as its package.json says; the npm
// package has no LICENSE file) and browser-image-compression's
// script for its worker (MIT). Also the JSX typings, which are hand-written declarations.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

const faceApi = packageDir("@vladmandic/face-api");
const wasm = join(packageDir("@tensorflow/tfjs-backend-wasm"), "dist");
const compression = join(packageDir("browser-image-compression"), "dist");
const copies = [
  [join(faceApi, "model"), "tiny_face_detector_model-weights_manifest.json", "detector"],
  [join(faceApi, "model"), "tiny_face_detector_model.bin", "detector"],
  [join(faceApi, "model"), "face_landmark_68_tiny_model-weights_manifest.json", "detector"],
  [join(faceApi, "model"), "face_landmark_68_tiny_model.bin", "detector"],
  [faceApi, "LICENSE", "detector", "face-api.LICENSE"],
  [wasm, "tfjs-backend-wasm-simd.wasm", "detector"],
  [wasm, "tfjs-backend-wasm.wasm", "detector"],
  [compression, "browser-image-compression.js", "session"],
  [join(compression, ".."), "LICENSE", "session", "browser-image-compression.LICENSE"],
];
for (const [from, name, folder, as = name] of copies) {
  const target = join(root, "dist", folder, "assets");
  mkdirSync(target, { recursive: true });
  copyFileSync(join(from, name), join(target, as));
}
copyFileSync(join(root, "src", "jsx.d.ts"), join(root, "dist", "jsx.d.ts"));
