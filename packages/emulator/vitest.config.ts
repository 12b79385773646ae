import { defineConfig } from "vitest/config";

// Node only: the emulator's tests start real HTTP servers on port 0 and call them over loopback.
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    globalSetup: ["./vitest.global-setup.ts"],
    testTimeout: 20_000,
  },
});
