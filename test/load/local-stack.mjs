import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.mjs";

const root = new URL("../../", import.meta.url);

/**
 * Starts the local stack as `npm start` does (scripts/stack.mjs, emulator and proxy, no playground or example) as a
 * child process on free loopback ports, for the load test and the benchmark. Its output goes to
 * `test-results/<name>-stack.log`.
 *
 * `proxyVars` override the proxy's vars (rate limits for a load run). scripts/stack.mjs passes its
 * environment on to `wrangler dev`, and with CLOUDFLARE_INCLUDE_PROCESS_ENV=true wrangler binds the
 * variables of its environment into the Worker, over wrangler.jsonc and dev.vars. As it binds every
 * one of them, the stack gets a minimal environment: what the tools need to run, and the overrides.
 * @param {{ name: string; proxyVars?: Record<string, string> }} options
 * @returns {Promise<{ emulator: string; proxy: string; pid: number; log: string; stop: () => Promise<void> }>}
 */
export async function startLocalStack({ name, proxyVars = {} }) {
  const emulatorPort = Number(process.env.LIVENESS_EMULATOR_PORT ?? (await freePort()));
  const proxyPort = Number(process.env.LIVENESS_PROXY_PORT ?? (await freePort()));
  const logDir = new URL("test-results/", root);
  mkdirSync(logDir, { recursive: true });
  const log = fileURLToPath(new URL(`${name}-stack.log`, logDir));
  const logStream = createWriteStream(log);

  const registry = mkdtempSync(join(tmpdir(), "liveness-wrangler-registry-"));
  const env = {
    ...pick(process.env, ["PATH", "HOME", "LANG", "TMPDIR", "TERM"]),
    LIVENESS_EMULATOR_PORT: String(emulatorPort),
    LIVENESS_PROXY_PORT: String(proxyPort),
    // A dev registry of its own: wrangler dev reloads a running worker (dropping its requests) when
    // another local `wrangler dev` of the same name starts or stops, as other stacks on the machine do.
    WRANGLER_REGISTRY_PATH: registry,
    ...(Object.keys(proxyVars).length > 0 ? { CLOUDFLARE_INCLUDE_PROCESS_ENV: "true", ...proxyVars } : {}),
  };
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL("scripts/stack.mjs", root)), "--no-playground", "--no-example"],
    {
      cwd: fileURLToPath(root),
      env,
      // Its own process group, so that stopping it reaches wrangler's workerd too.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);

  let seen = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the stack did not start within 90 s; see ${log}`)),
      90_000,
    );
    child.stdout.on("data", (chunk) => {
      seen += chunk;
      if (seen.includes("stack is ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack exited with ${code}; see ${log}`));
    });
  });

  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    emulator: `http://127.0.0.1:${emulatorPort}`,
    proxy: `http://127.0.0.1:${proxyPort}`,
    pid: child.pid,
    log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // One signal to the group; scripts/stack.mjs then stops its services and exits.
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      logStream.end();
      rmSync(registry, { recursive: true, force: true });
    },
  };
}

function pick(source, names) {
  return Object.fromEntries(
    names.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]),
  );
}
