import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "../load/free-port.mjs";
import { importTypeScriptModule } from "../load/import-typescript-module.mjs";

const playgroundDir = fileURLToPath(new URL("../../packages/playground/", import.meta.url));

/**
 * Compression of a 12 MP portrait (3000x4000 JPEG at quality 85, about 4 MB: the fixture's textured
 * portrait, as busy as a phone photo) in the built playground (`vite preview` of packages/playground/dist)
 * in headless Chromium: the picture is handed to the file input "Face image (JPEG or PNG)" `runs` times, on
 * a fresh page each time, and the playground's own figures are read (`compress-time` data-ms, measured
 * around the web worker's work; `compress-after-bytes` data-bytes).
 * @param {{ runs: number }} options
 * @returns {Promise<{ ms: number[]; bytes: number[]; sourceBytes: number }>}
 */
export async function measurePlaygroundCompression({ runs }) {
  const { launchChromium } = await importTypeScriptModule(new URL("../support/chromium.ts", import.meta.url));
  const { portraitJpeg } = await import("@liveness-kit/emulator/portraits");
  const source = Buffer.from(portraitJpeg({ width: 3000, height: 4000, quality: 85 }));
  const preview = await startPreview();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const ms = [];
    const bytes = [];
    for (let run = 0; run < runs; run++) {
      await page.goto(preview.url);
      await page
        .getByLabel("Face image (JPEG or PNG)")
        .setInputFiles({ name: `portrait-12mp-${run}.jpg`, mimeType: "image/jpeg", buffer: source });
      const time = page.locator("[data-testid=compress-time][data-ms]");
      await time.waitFor({ timeout: 120_000 });
      ms.push(Number(await time.getAttribute("data-ms")));
      bytes.push(Number(await page.locator("[data-testid=compress-after-bytes]").getAttribute("data-bytes")));
    }
    return { ms, bytes, sourceBytes: source.length };
  } finally {
    await browser.close();
    await preview.stop();
  }
}

async function startPreview() {
  const port = await freePort();
  const child = spawn(
    "node_modules/.bin/vite",
    ["preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort"],
    { cwd: playgroundDir, detached: true, stdio: "ignore" },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("vite preview did not start");
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    url,
    async stop() {
      if (child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
}
