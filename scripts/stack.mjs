#!/usr/bin/env node
// The local stack behind `npm start`: the emulator (standing in for Alibaba), the edge proxy under
// `wrangler dev`, and the playground under Vite. Waits until each answers, prints where they are,
// and the example sign-up app (examples/web-signup, its page and backend on one port). Waits until each answers,
// prints where they are, and on Ctrl+C (or SIGTERM) stops every process group it started, leaving nothing behind.
//
// Flags: --build (first build what the services run from dist/: the emulator, the workspace packages the proxy,
// the playground and the example import, and the example; `npm start` passes it), --no-playground (no playground), --no-example (no example app).
// Ports come from the committed dev config; override with LIVENESS_EMULATOR_PORT, LIVENESS_PROXY_PORT,
// LIVENESS_PLAYGROUND_PORT, LIVENESS_EXAMPLE_PORT.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const withPlayground = !process.argv.includes("--no-playground");
const withExample = !process.argv.includes("--no-example");

// Built here rather than by `build && node stack.mjs` in package.json: that runs under a shell, which a Ctrl+C
// kills before this script has stopped everything cleanly, and the run then ends as "Command failed".
if (process.argv.includes("--build")) {
  // Whatever the services import, found from their dependencies (`x^...`: x's workspace dependencies), so a
  // package added to one of them is built here without a change to this list.
  const filters = [
    "@liveness-kit/emulator...",
    "@liveness-kit/edge-proxy^...",
    ...(withPlayground ? ["@liveness-kit/playground^..."] : []),
    ...(withExample ? ["@liveness-kit/example-web-signup..."] : []),
  ];
  const build = spawnSync("pnpm", [...filters.flatMap((filter) => ["--filter", filter]), "build"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const host = "127.0.0.1";
const ports = {
  emulator: Number(process.env.LIVENESS_EMULATOR_PORT ?? 8790),
  proxy: Number(process.env.LIVENESS_PROXY_PORT ?? 8787),
  playground: Number(process.env.LIVENESS_PLAYGROUND_PORT ?? 5173),
  example: Number(process.env.LIVENESS_EXAMPLE_PORT ?? 5174),
};
const quietWrangler = { CI: "true", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
const bin = (pkg, name) => join(root, "packages", pkg, "node_modules", ".bin", name);

// wrangler's dev registry is shared per user: another `wrangler dev` of the same worker starting or stopping
// would reload this one mid-request. A private registry keeps two stacks (say `npm start` and `npm test`) apart.
const registryDir = mkdtempSync(join(tmpdir(), "liveness-registry-"));

/** A free loopback port, for wrangler's inspector (two stacks starting at once both took 9229). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
const inspectorPort = await freePort();

const proxyStateDir =
  process.env.LIVENESS_PROXY_PERSIST_TO ?? mkdtempSync(join(tmpdir(), "liveness-proxy-state-"));

/**
 * The emulator rules the playground's samples rely on: the Attack sample's user id (its SHA-256, as the page
 * sends it) always gets the attack outcome, whatever MerchantBizId each run uses.
 */
const ATTACK_SAMPLE_USER_ID = "sample-user-attack"; // packages/playground/src/request/samples.ts
async function setSampleScenarios() {
  const merchantUserId = createHash("sha256").update(ATTACK_SAMPLE_USER_ID).digest("hex");
  const response = await fetch(`http://${host}:${ports.emulator}/__emulator/scenarios`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ merchantUserId, outcome: "attack" }),
  });
  if (!response.ok) throw new Error(`emulator: setting the Attack sample's rule answered ${response.status}`);
}

// The playground's and the example's origins must be allowed by the proxy's CORS policy, whatever their ports.
const origins = [ports.playground, ports.example]
  .flatMap((port) => [`http://localhost:${port}`, `http://${host}:${port}`])
  .join(",");
// Extra proxy variables as JSON (the load test raises the rate limits this way).
const extraProxyVars = Object.entries(JSON.parse(process.env.LIVENESS_PROXY_VARS ?? "{}")).flatMap(
  ([name, value]) => ["--var", `${name}:${value}`],
);

const services = [
  {
    name: "emulator",
    command: process.execPath,
    args: [
      join(root, "packages/emulator/bin/liveness-emulator.mjs"),
      "--host",
      host,
      "--port",
      String(ports.emulator),
    ],
    cwd: join(root, "packages/emulator"),
    health: `http://${host}:${ports.emulator}/__emulator/health`,
  },
  {
    name: "proxy",
    command: bin("edge-proxy", "wrangler"),
    // dev.vars is the committed local config (caller key, the emulator's dev AccessKey, allowed origins).
    args: [
      "dev",
      "--ip",
      host,
      "--port",
      String(ports.proxy),
      "--env-file",
      "dev.vars",
      "--inspector-port",
      String(inspectorPort),
      "--var",
      `UPSTREAM_ENDPOINT:http://${host}:${ports.emulator}`,
      "--var",
      `ALLOWED_ORIGINS:${origins}`,
      // Fresh proxy state on every start (idempotency records, rate limits): the emulator behind it keeps its
      // ledger in memory and forgets it on restart too. LIVENESS_PROXY_PERSIST_TO keeps state in a directory.
      "--persist-to",
      proxyStateDir,
      ...extraProxyVars,
    ],
    cwd: join(root, "packages/edge-proxy"),
    env: { ...quietWrangler, WRANGLER_REGISTRY_PATH: registryDir },
    health: `http://${host}:${ports.proxy}/healthz`,
  },
  ...(withPlayground
    ? [
        {
          name: "playground",
          command: bin("playground", "vite"),
          args: ["--host", host, "--port", String(ports.playground), "--strictPort"],
          cwd: join(root, "packages/playground"),
          // The playground says "Upstream: emulator" for this proxy: the one this stack runs in front of the emulator.
          env: {
            VITE_PROXY_URL: `http://${host}:${ports.proxy}`,
            VITE_EMULATOR_PROXY_URL: `http://${host}:${ports.proxy}`,
          },
          health: `http://${host}:${ports.playground}/`,
        },
      ]
    : []),
  ...(withExample
    ? [
        {
          name: "example",
          command: process.execPath,
          args: [join(root, "examples/web-signup/dist/server/main.js")],
          cwd: join(root, "examples/web-signup"),
          // The proxy's URL as the browser reaches it; the caller-token secret is the proxy's dev.vars one.
          env: { HOST: host, PORT: String(ports.example), PROXY_URL: `http://${host}:${ports.proxy}` },
          health: `http://${host}:${ports.example}/healthz`,
        },
      ]
    : []),
];

const running = [];
let stopping = false;

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function start(service) {
  if (!existsSync(service.command)) {
    throw new Error(
      `${service.name}: ${service.command} is missing; run the install first (npm start does it).`,
    );
  }
  // detached: each service gets its own process group, so one signal reaches wrangler's workerd too.
  const child = spawn(service.command, service.args, {
    cwd: service.cwd,
    env: { ...process.env, ...service.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${service.name}] `;
  const relay = (stream, out) => {
    let pending = "";
    stream.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) out.write(`${prefix}${line}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    child.exited = true;
    if (!stopping) {
      console.error(`${prefix}exited (${signal ?? code}); stopping the stack.`);
      void stopAll(1);
    }
  });
  running.push(child);
  return child;
}

async function waitUntilHealthy(service, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exited) throw new Error(`${service.name} exited before it answered`);
    try {
      const response = await fetch(service.health, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${service.name} did not answer ${service.health} within ${timeoutMs / 1000} s`);
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  // One signal per process group, then wait: an INT followed by a TERM once left workerd holding its port.
  for (const child of running) {
    if (!child.exited) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  const deadline = Date.now() + 5_000;
  while (running.some((child) => !child.exited) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const child of running) {
    if (!child.exited) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  rmSync(registryDir, { recursive: true, force: true });
  if (!process.env.LIVENESS_PROXY_PERSIST_TO) rmSync(proxyStateDir, { recursive: true, force: true });
  process.exit(exitCode);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

try {
  for (const service of services) {
    const port = Number(new URL(service.health).port);
    if (await portInUse(port)) throw new Error(`port ${port} (${service.name}) is already in use`);
  }
  const started = Date.now();
  // The emulator first: the proxy's health does not need it, but the first real request does.
  for (const service of services) {
    const child = start(service);
    await waitUntilHealthy(service, child);
    if (service.name === "emulator") await setSampleScenarios();
  }
  const lines = [
    "",
    `liveness-kit stack is ready (${((Date.now() - started) / 1000).toFixed(1)} s):`,
    ...(withPlayground ? [`  playground  http://${host}:${ports.playground}/`] : []),
    ...(withExample
      ? [`  example     http://${host}:${ports.example}/   (sign-up with a selfie check)`]
      : []),
    `  proxy       http://${host}:${ports.proxy}   (caller key: dev-caller-key; server key: dev-server-key; receipt keys: /.well-known/jwks.json)`,
    `  emulator    http://${host}:${ports.emulator}   (admin: /__emulator/ledger, /__emulator/scenarios)`,
    "",
    "Try it:",
    `  curl -s http://${host}:${ports.proxy}/healthz`,
    "Press Ctrl+C to stop everything.",
    "",
  ];
  console.log(lines.join("\n"));
} catch (error) {
  console.error(`stack: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
}
