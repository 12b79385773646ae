import { defineConfig } from "vitest/config";

// The backend's routes in Node; the page runs in real Chromium in the cross-package suite
// (test/e2e/capture.test.ts), against the proxy's real receipts.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
