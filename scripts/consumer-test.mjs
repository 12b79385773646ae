#!/usr/bin/env node
// The published packages as a user gets them: packs @liveness-kit/core, @liveness-kit/contract and
// @liveness-kit/emulator, installs the
// tarballs (nothing from the workspace) into fresh projects in a temporary folder, and runs each:
// - a Node ESM script that starts the emulator from its tarball, checks and sends a generated portrait with
//   core's direct client, and checks the verdict;
// - a Vite app that imports core's browser subpaths and checks a body with the contract's schema, built for
//   production;
// - a Worker that imports core, bundled by `wrangler deploy --dry-run`.
// Only the npm registry is needed (pnpm's store serves what it already has). Run after `pnpm build`.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const version = (name) => rootPackage.devDependencies[name] ?? pinned(name);
const work = mkdtempSync(join(tmpdir(), "liveness-consumer-"));

/** The exact version a workspace package pins, for the tools the projects need (vite, wrangler). */
function pinned(name) {
  for (const pkg of ["playground", "edge-proxy", "contract"]) {
    const json = JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8"));
    const found = json.dependencies?.[name] ?? json.devDependencies?.[name];
    if (found) return found;
  }
  throw new Error(`no pinned version of ${name}`);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, CI: "true" } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Packs a workspace package into the work folder; its `workspace:` ranges become versions, as on npm. */
function pack(dir) {
  const before = new Set(readdirSync(work));
  run("pnpm", ["pack", "--pack-destination", work], join(root, "packages", dir));
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz") && !before.has(name));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${dir}`);
  return join(work, tarball);
}

/**
 * A fresh project outside the workspace. The tarballs stand in for the registry's copies of our packages
 * (overrides), so the emulator's dependency on core is the packed core, not whatever npm may hold.
 */
function project(name, dependencies, files) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const overrides = Object.fromEntries(Object.entries(tarballs).map(([pkg, file]) => [pkg, `file:${file}`]));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name, private: true, type: "module", dependencies }, null, 2),
  );
  writeFileSync(
    join(dir, "pnpm-workspace.yaml"),
    `overrides:\n${Object.entries(overrides)
      .map(([pkg, spec]) => `  "${pkg}": "${spec}"\n`)
      .join("")}allowBuilds:\n  esbuild: true\n  workerd: true\n  sharp: false\n`,
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  run("pnpm", ["install", "--no-frozen-lockfile", "--prefer-offline"], dir);
  return dir;
}

const tarballs = {
  "@liveness-kit/core": pack("core"),
  "@liveness-kit/contract": pack("contract"),
  "@liveness-kit/emulator": pack("emulator"),
};
const ours = Object.fromEntries(Object.entries(tarballs).map(([pkg, file]) => [pkg, `file:${file}`]));

const NODE_SCRIPT = `
import { createDirectLivenessClient } from "@liveness-kit/core/client";
import { bytesToBase64, checkImage } from "@liveness-kit/core/image";
import { DEV_CREDENTIALS, startEmulatorServer } from "@liveness-kit/emulator";
import { portraitJpeg } from "@liveness-kit/emulator/portraits";

const emulator = await startEmulatorServer({ port: 0 });
try {
  const image = portraitJpeg({ width: 480, height: 640 });
  const report = checkImage(image, { mode: "base64" });
  if (!report.ok) throw new Error("checkImage refused the portrait: " + JSON.stringify(report.problems));
  const client = createDirectLivenessClient({ credentials: DEV_CREDENTIALS, endpoint: emulator.url });
  const result = await client.faceLiveness({ merchantUserId: "consumer-test-user", facePictureBase64: bytesToBase64(image) });
  if (result.passed !== true || result.subCode !== "200") throw new Error("unexpected verdict " + JSON.stringify(result));
  console.log("node: passed, transaction " + result.transactionId);
} finally {
  await emulator.close();
}
`;

const VITE_MAIN = `
import { checkImage } from "@liveness-kit/core/image";
import { createMerchantBizId } from "@liveness-kit/core/request";
import { createProxyLivenessClient } from "@liveness-kit/core/client";
import { FaceLivenessJsonSchema, PROXY_ERROR_CODES } from "@liveness-kit/contract";
import { safeParse } from "valibot";
const client = createProxyLivenessClient({ baseUrl: location.origin });
const body = safeParse(FaceLivenessJsonSchema, { merchantBizId: "x" });
document.body.textContent = [createMerchantBizId(), checkImage(new Uint8Array(0)).ok, typeof client.faceLiveness, body.success, Object.keys(PROXY_ERROR_CODES).length].join(" ");
`;

const WORKER = `
import { createDirectLivenessClient } from "@liveness-kit/core/client";
import { verifyRequest } from "@liveness-kit/core/sign";
export default {
  async fetch(request, env) {
    const client = createDirectLivenessClient({ credentials: { accessKeyId: env.ID, accessKeySecret: env.SECRET } });
    return Response.json({ client: typeof client.faceLiveness, verify: typeof verifyRequest });
  },
};
`;

try {
  const node = project("node-esm", { ...ours }, { "main.mjs": NODE_SCRIPT });
  process.stdout.write(run(process.execPath, ["main.mjs"], node));

  const vite = project(
    "vite-app",
    {
      "@liveness-kit/core": ours["@liveness-kit/core"],
      "@liveness-kit/contract": ours["@liveness-kit/contract"],
      valibot: version("valibot"),
      vite: version("vite"),
    },
    { "index.html": '<!doctype html><script type="module" src="/main.js"></script>\n', "main.js": VITE_MAIN },
  );
  run(join(vite, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], vite);
  const assets = readdirSync(join(vite, "dist", "assets")).filter((file) => file.endsWith(".js"));
  const bundle = readFileSync(join(vite, "dist", "assets", assets[0] ?? "missing"), "utf8");
  // core's proxy client names its route; a bundle without it did not take core in.
  if (!bundle.includes("/v1/face-liveness")) throw new Error("vite's bundle lacks core's proxy client");
  // The contract's table names this code; a bundle without it did not take the contract in.
  if (!bundle.includes("header_not_allowed"))
    throw new Error("vite's bundle lacks the contract's code table");
  console.log(`vite: built ${assets.length} script(s), ${bundle.length} B`);

  const worker = project(
    "worker",
    { "@liveness-kit/core": ours["@liveness-kit/core"], wrangler: version("wrangler") },
    {
      "src/index.js": WORKER,
      "wrangler.jsonc": JSON.stringify({
        name: "consumer-test",
        main: "src/index.js",
        compatibility_date: "2026-04-01",
        send_metrics: false,
      }),
    },
  );
  const out = run(
    join(worker, "node_modules", ".bin", "wrangler"),
    ["deploy", "--dry-run", "--outdir", "dist"],
    worker,
  );
  if (!/Total Upload/.test(out)) throw new Error(`wrangler did not bundle the worker:\n${out}`);
  console.log(`worker: ${out.match(/Total Upload[^\n]*/)?.[0]}`);
  console.log("consumer test: the packed packages install and run in Node, Vite and a Worker");
} finally {
  if (process.env.KEEP_CONSUMER_PROJECTS !== "1") rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
