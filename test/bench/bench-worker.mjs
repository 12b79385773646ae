import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../load/free-port.mjs";

const root = new URL("../../", import.meta.url);
const wrangler = fileURLToPath(new URL("packages/edge-proxy/node_modules/.bin/wrangler", root));

/**
 * Starts a bench Worker (`test/bench/<name>/wrangler.jsonc`) under `wrangler dev` on a free port, with a dev
 * registry of its own (another local `wrangler dev` starting or stopping must not reload it). `stop` ends its
 * whole process group.
 * @param {string} name the bench Worker's folder under test/bench/
 * @param {{ envFile?: string; inspectorPort?: number }} [options] `envFile`: a file of variables for the Worker,
 * relative to the root; `inspectorPort`: where wrangler dev serves the Worker's inspector (for a profile)
 * @returns {Promise<{ origin: string; port: number; pid: number; stop: () => void }>}
 */
export async function startBenchWorker(name, { envFile, inspectorPort } = {}) {
  const config = fileURLToPath(new URL(`test/bench/${name}/wrangler.jsonc`, root));
  const port = await freePort();
  const registry = mkdtempSync(join(tmpdir(), "liveness-wrangler-registry-"));
  const envArgs = envFile === undefined ? [] : ["--env-file", fileURLToPath(new URL(envFile, root))];
  const inspectorArgs = inspectorPort === undefined ? [] : ["--inspector-port", String(inspectorPort)];
  const args = [
    "dev",
    "--config",
    config,
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    ...envArgs,
    ...inspectorArgs,
  ];
  const child = spawn(wrangler, args, {
    env: { ...process.env, WRANGLER_REGISTRY_PATH: registry, WRANGLER_SEND_METRICS: "false" },
    detached: true,
    stdio: "ignore",
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    stop() {
      process.kill(-child.pid, "SIGTERM");
      rmSync(registry, { recursive: true, force: true });
    },
  };
}
