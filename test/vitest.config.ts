import { defineConfig } from "vitest/config";
import { SecretsLastSequencer } from "./security/secrets-last-sequencer.js";

// Tests that cross packages. They run against the local stack started exactly as `npm start` starts it
// (scripts/stack.mjs), once for the whole run.
export default defineConfig({
  test: {
    root: new URL(".", import.meta.url).pathname,
    include: ["**/*.test.ts"],
    exclude: ["load/**", "**/node_modules/**"],
    globalSetup: ["./support/stack-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // The secret scan reads what every other suite recorded, so it runs last.
    sequence: { sequencer: SecretsLastSequencer },
  },
});
