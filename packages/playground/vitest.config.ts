import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumLaunchOptions } from "../../test/support/chromium-options.js";

// Pure logic runs in Node; what needs a real browser (the compression worker, IndexedDB, canvas, the
// DOM of the shell, the camera dialog) runs in Chromium (Debian's, at /usr/bin/chromium) through vitest's browser mode.

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["src/**/*.test.ts", "vite.config.test.ts"],
          exclude: ["src/**/*.browser.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the page under the tests.
        optimizeDeps: {
          include: [
            "codemirror",
            "@codemirror/autocomplete",
            "@codemirror/lang-json",
            "@codemirror/language",
            "@codemirror/lint",
            "@codemirror/state",
            "@codemirror/view",
            "@lezer/highlight",
            "@lezer/json",
            "browser-image-compression",
            "@liveness-kit/capture > @vladmandic/face-api",
            "ky",
            "valibot",
            "@noble/hashes/sha2.js",
            "@noble/hashes/utils.js",
          ],
        },
        test: {
          name: "chromium",
          include: ["src/**/*.browser.test.ts"],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            // The desktop layout; the narrow one (below 800 px) is tested at phone sizes in test/e2e.
            viewport: { width: 1400, height: 900 },
            provider: playwright({
              // A synthetic camera (a test pattern) that needs no permission prompt, for the camera test.
              launchOptions: chromiumLaunchOptions([
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
              ]),
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
