import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// The bin test runs the compiled server, as `pnpm emulator` does. The root scripts build before testing;
// when the tests run alone and dist/ is missing or older than src/, build it first.
export default function buildDistWhenStale(): void {
  const newestSource = newest("src");
  let built = 0;
  try {
    built = statSync("dist/server.js").mtimeMs;
  } catch {
    built = 0;
  }
  if (built >= newestSource) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
}

function newest(folder: string): number {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
