import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { freePort } from "../load/free-port.mjs";

// Starts the local stack the way `npm start` does (scripts/stack.mjs, after the build the test command ran)
// and stops its whole process group afterwards. Every line the stack prints goes to test-results/stack.log,
// which the secret scan reads. LIVENESS_STACK_PLAYGROUND=0 leaves the playground out.
let stack: ChildProcess | undefined;

/**
 * Short body timeouts on the test stack, so the stalled-body cases end in seconds, and URL mode on for one
 * made-up image host, so the SSRF cases meet the URL rules rather than `image_url_disabled`; LIVENESS_PROXY_VARS wins.
 * No region circuit opens here: the fault phases of reliability/faults.test.ts inject 30% faults back to back, and
 * at the production threshold (5 failures in a row) whether one phase's first failures open a circuit depends on
 * timing; the phases after it then fail over to regions of 3 QPS and are mostly refused (a CI run met exactly
 * that). What a circuit does is tested in the proxy's own suite, in workerd (`circuit-breaker`, `region-token`,
 * `call-upstream`); this stack tests that every request ends cleanly and is billed at most once.
 */
const TEST_PROXY_VARS = {
  BODY_IDLE_TIMEOUT_MS: "2000",
  BODY_DEADLINE_MS: "6000",
  IMAGE_URL_HOSTS: "images.example.com",
  CIRCUIT_FAILURE_THRESHOLD: "1000000",
};

export const STACK_LOG = fileURLToPath(new URL("../../test-results/stack.log", import.meta.url));

/** The stack's parts, by the variable that sets each one's port (read by scripts/stack.mjs and stack-urls.ts). */
const PORT_VARIABLES = [
  "LIVENESS_EMULATOR_PORT",
  "LIVENESS_PROXY_PORT",
  "LIVENESS_PLAYGROUND_PORT",
  "LIVENESS_EXAMPLE_PORT",
] as const;

export async function setup(project: TestProject): Promise<void> {
  // Free ports, never the committed 8787/8790/5173/5174: `npm test` must pass while `npm start` runs. Set in
  // the environment, so the stack and the test workers (stack-urls.ts) agree; a variable already set wins.
  for (const name of PORT_VARIABLES) process.env[name] ??= String(await freePort());
  const script = fileURLToPath(new URL("../../scripts/stack.mjs", import.meta.url));
  const args = process.env.LIVENESS_STACK_PLAYGROUND === "0" ? [script, "--no-playground"] : [script];
  mkdirSync(fileURLToPath(new URL("../../test-results/", import.meta.url)), { recursive: true });
  writeFileSync(STACK_LOG, "");
  // Set here: the stack inherits it, and so do the test workers (the corpus reads it).
  process.env.LIVENESS_PROXY_VARS = JSON.stringify({
    ...TEST_PROXY_VARS,
    ...JSON.parse(process.env.LIVENESS_PROXY_VARS ?? "{}"),
  });
  stack = spawn(process.execPath, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log = (chunk: Buffer) => appendFileSync(STACK_LOG, chunk);
  stack.stdout?.on("data", log);
  stack.stderr?.on("data", log);
  let seen = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start:\n${seen}`)), 90_000);
    stack?.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes("stack is ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    stack?.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
    });
    stack?.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code}:\n${seen}`));
    });
  });
  project.provide("stackLog", STACK_LOG);
}

export async function teardown(): Promise<void> {
  if (!stack?.pid || stack.exitCode !== null) return;
  const exited = new Promise((resolve) => stack?.once("exit", resolve));
  process.kill(-stack.pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8_000))]);
}

declare module "vitest" {
  export interface ProvidedContext {
    stackLog: string;
  }
}
