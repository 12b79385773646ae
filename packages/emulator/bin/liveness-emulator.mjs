#!/usr/bin/env node
// The `liveness-emulator` command: it runs the compiled server (`pnpm build` writes dist/).
let cli;
try {
  cli = await import("../dist/server.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
  process.stderr.write(
    "liveness-emulator: not built yet; run `pnpm build` (or `pnpm emulator` at the repository root).\n",
  );
  process.exit(1);
}
const result = await cli.runEmulatorCli(process.argv.slice(2), process.env);
if (typeof result === "number") process.exitCode = result;
