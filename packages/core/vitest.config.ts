import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumLaunchOptions } from "../../test/support/chromium-options.js";

// The same suite runs in the three runtimes core promises to support: Node, workerd (Cloudflare
// Workers) and real Chromium (Debian's, at /usr/bin/chromium).
const include = ["src/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include,
          environment: "node",
          // Type tests of the public API (src/**/*.test-d.ts), checked by tsc with core's tsconfig.
          typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./test/wrangler.jsonc" } })],
        test: { name: "workerd", include },
      },
      {
        // Pre-bundled up front so Vite does not reload the page mid-run when fast-check is first seen.
        optimizeDeps: { include: ["fast-check"] },
        test: {
          name: "chromium",
          include,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: chromiumLaunchOptions(),
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
