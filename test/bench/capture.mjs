import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { freePort } from "../load/free-port.mjs";
import { importTypeScriptModule } from "../load/import-typescript-module.mjs";

const root = new URL("../../", import.meta.url);
const captureDist = new URL("packages/capture/dist/", root);
const gzip = (data) => gzipSync(data, { level: 9 }).length;

/**
 * The element's own code a page loads before the camera starts: `@liveness-kit/capture` bundled and minified
 * with its dependencies (core, the strings), split where it imports lazily; the entry chunk and what it
 * imports statically, gzip -9. The camera, guidance, compression and sending code and the detector are
 * left out: they load when the person presses the start button.
 * @returns {Promise<{ bytes: number; gzipBytes: number; lazyGzipBytes: number }>}
 */
export async function captureElementSize() {
  const outdir = mkdtempSync(join(tmpdir(), "capture-size-"));
  try {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("index.js", captureDist))],
      bundle: true,
      splitting: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outdir,
      metafile: true,
      // The detector's runtime (face-api with TF.js) is measured on its own below.
      external: ["@vladmandic/face-api"],
      loader: { ".wasm": "file", ".bin": "file", ".json": "file" },
      logLevel: "silent",
    });
    const outputs = result.metafile.outputs;
    const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint);
    const seen = new Set();
    const queue = [entry];
    while (queue.length > 0) {
      const file = queue.shift();
      if (seen.has(file)) continue;
      seen.add(file);
      for (const imported of outputs[file].imports) {
        if (imported.kind === "import-statement" && !imported.external) queue.push(imported.path);
      }
    }
    let bytes = 0;
    let gzipBytes = 0;
    let lazyGzipBytes = 0;
    for (const file of Object.keys(outputs).filter((name) => name.endsWith(".js"))) {
      const code = readFileSync(join(fileURLToPath(new URL(".", root)), file));
      if (seen.has(file)) {
        bytes += code.length;
        gzipBytes += gzip(code);
      } else lazyGzipBytes += gzip(code);
    }
    return { bytes, gzipBytes, lazyGzipBytes };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * What the default detector loads, lazily, from the app's own origin: face-api's browser build (TF.js inside),
 * the tiny face detector and the tiny 68-point landmarks, and TF.js's WebAssembly SIMD binary.
 * @returns {{ files: Array<{ name: string; bytes: number; gzipBytes: number }>; bytes: number; gzipBytes: number }}
 */
export function detectorBytes() {
  const require = createRequire(new URL("packages/capture/package.json", root));
  const faceApi = join(dirname(require.resolve("@vladmandic/face-api/package.json")), "dist/face-api.esm.js");
  const assets = new URL("detector/assets/", captureDist);
  const files = [
    ["face-api.esm.js (TF.js inside)", faceApi],
    ["tiny face detector", fileURLToPath(new URL("tiny_face_detector_model.bin", assets))],
    ["tiny 68-point landmarks", fileURLToPath(new URL("face_landmark_68_tiny_model.bin", assets))],
    ["TF.js WebAssembly (SIMD)", fileURLToPath(new URL("tfjs-backend-wasm-simd.wasm", assets))],
  ].map(([name, file]) => {
    const data = readFileSync(file);
    return { name, bytes: statSync(file).size, gzipBytes: gzip(data) };
  });
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

/**
 * The live guidance in headless Chromium with a fake camera showing a real face too far away (so the loop never
 * ends in a photo): ms from camera permission to the first guidance (the detector's download and start
 * included, a cold browser each run), then guidance updates per second over `seconds`.
 * @returns {Promise<{ firstGuidanceMs: number[]; updatesPerSecond: number; detector: string }>}
 */
export async function measureCaptureGuidance({ runs = 3, seconds = 10 } = {}) {
  const { pictureY4m, scenePicture } = await importTypeScriptModule(
    new URL("test/fixtures/face-pictures.ts", root),
  );
  const dir = mkdtempSync(join(tmpdir(), "capture-bench-"));
  const video = join(dir, "small-face.y4m");
  writeFileSync(video, pictureY4m(scenePicture("smallFace")));
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [fileURLToPath(new URL("examples/web-signup/dist/server/main.js", root))],
    {
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
      stdio: "ignore",
    },
  );
  const firstGuidanceMs = [];
  let updatesPerSecond = 0;
  let detector = "";
  const { launchChromium } = await importTypeScriptModule(new URL("../support/chromium.ts", import.meta.url));
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    for (let run = 0; run < runs; run++) {
      const browser = await launchChromium([
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        `--use-file-for-fake-video-capture=${video}`,
      ]);
      try {
        const page = await browser.newPage();
        await page.goto(`http://127.0.0.1:${port}/`);
        await page.getByRole("button", { name: "Verify my face" }).click();
        const metrics = () =>
          page.evaluate(() => ({ ...document.querySelector("liveness-capture").metrics }));
        await page.waitForFunction(
          () => document.querySelector("liveness-capture").metrics.guidanceUpdates > 0,
          null,
          {
            timeout: 120_000,
          },
        );
        const first = await metrics();
        firstGuidanceMs.push(Math.round(first.permissionToGuidanceMs));
        detector = first.detector;
        if (run === runs - 1) {
          await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
          const last = await metrics();
          updatesPerSecond = ((last.guidanceUpdates - 1) * 1000) / (last.guidanceMs || 1);
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
  return { firstGuidanceMs, updatesPerSecond, detector };
}

async function waitFor(url) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within 30 s`);
}
