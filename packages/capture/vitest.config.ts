import { defineConfig } from "vitest/config";

// The pure parts (guidance rules, crop, strings, pixel measures) run in Node; the element itself is tested in
// real Chromium with a fake camera by the cross-package suite (test/e2e/capture.test.ts).
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
