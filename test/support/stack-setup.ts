import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { STACK } from "./stack-urls.js";

// Starts the local stack the way `npm start` does (scripts/stack.mjs, after the build the test command ran)
// and stops its whole process group afterwards.
let stack: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  const script = fileURLToPath(new URL("../../scripts/stack.mjs", import.meta.url));
  stack = spawn(process.execPath, [script], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start:\n${output.join("")}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join("").includes("stack is ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    stack?.stdout?.on("data", onData);
    stack?.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    stack?.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with ${code}:\n${output.join("")}`));
    });
  });
  // Everything the stack logs is kept so the secret scan can read every log line.
  const logs: string[] = output;
  stack.stdout?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  stack.stderr?.on("data", (chunk: Buffer) => logs.push(chunk.toString()));
  project.provide("stackUrls", STACK);
  stackLogs = logs;
}

let stackLogs: string[] = [];

/** Every line the stack printed so far (read by the secret scan). */
export function collectedStackLogs(): string {
  return stackLogs.join("");
}

export async function teardown(): Promise<void> {
  if (!stack?.pid || stack.exitCode !== null) return;
  const exited = new Promise((resolve) => stack?.once("exit", resolve));
  process.kill(-stack.pid, "SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8_000))]);
}

declare module "vitest" {
  export interface ProvidedContext {
    stackUrls: typeof STACK;
  }
}
