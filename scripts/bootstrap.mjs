#!/usr/bin/env node
// Entry point of `npm start` and `npm test` on a fresh machine that has only Node 20 and npm:
// fetch the pinned pnpm (corepack fails here on registry signatures), install from the frozen
// lockfile, then hand over to the pnpm script named on the command line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = packageManager.replace(/^pnpm@/, "");
const toolDir = join(root, ".tools", `pnpm-${pnpmVersion}`);
const pnpmBin = join(toolDir, "node_modules", ".bin");
const script = process.argv[2];

if (!script) {
  console.error("usage: node scripts/bootstrap.mjs <pnpm script>");
  process.exit(2);
}

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) {
  console.error(`liveness-kit needs Node 20 or later; this is Node ${process.versions.node}.`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensurePnpm() {
  if (existsSync(join(pnpmBin, "pnpm"))) return;
  console.log(`> fetching pnpm ${pnpmVersion} into .tools/`);
  mkdirSync(toolDir, { recursive: true });
  writeFileSync(join(toolDir, "package.json"), '{ "private": true }\n');
  const status = run(
    "npm",
    [
      "install",
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      "--prefix",
      toolDir,
      `pnpm@${pnpmVersion}`,
    ],
    { shell: process.platform === "win32" },
  );
  if (status !== 0) process.exit(status);
}

ensurePnpm();
const env = {
  ...process.env,
  PATH: `${pnpmBin}${process.platform === "win32" ? ";" : ":"}${process.env.PATH}`,
};
const pnpm = (args) => run("pnpm", args, { env, shell: process.platform === "win32" });

const installStatus = pnpm(["install", "--frozen-lockfile", "--prefer-offline", "--reporter=append-only"]);
if (installStatus !== 0) process.exit(installStatus);

// Ctrl+C reaches every process of the terminal's group: this one waits for the script to stop cleanly and
// ends with its status. The stack runs without `pnpm run` around it, since pnpm reports an interrupted script
// as "Command failed" even when it stopped cleanly.
process.on("SIGINT", () => {});
const rest = process.argv.slice(3);
process.exit(
  script === "stack"
    ? run(process.execPath, [join(root, "scripts", "stack.mjs"), "--build", ...rest], { env })
    : pnpm(["run", script, ...rest]),
);
