import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

// The same suite runs in the three runtimes core promises to support: Node, workerd (Cloudflare
// Workers) and real Chromium (Debian's, at /usr/bin/chromium).
const include = ["src/**/*.test.ts"];
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "node", include, environment: "node" } },
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
              launchOptions: {
                executablePath: chromiumPath,
                args: [
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--disable-quic",
                  "--no-first-run",
                ],
              },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
