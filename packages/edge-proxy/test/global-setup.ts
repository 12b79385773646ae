// Runs in Node before the workerd tests: draws the test images and starts two real emulators on the loopback
// ports the vitest config picked (a healthy one and one that the fail-over tests make fail), and a slow
// stand-in in front of the healthy one; all stopped at the end.

import { startEmulatorServer } from "@liveness-kit/emulator";
import type { TestProject } from "vitest/node";
import { makePortraitFixtures } from "./node/portrait-fixtures.js";
import { SLOW_UPSTREAM_DELAY_MS, startSlowUpstream } from "./node/slow-upstream.js";
import { EMULATOR_PORTS_VARIABLE } from "./test-constants.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide("portraits", makePortraitFixtures());
  // No QPS throttling unless a test asks for it: the proxy's own region buckets are under test, and
  // parallel test files must not throttle each other. URLs on the internet cannot be fetched offline,
  // so downloads give up quickly.
  const options = { host: "127.0.0.1", qps: false as const, downloadTimeoutMs: 300 };
  const [port, failingPort, slowPort] = (process.env[EMULATOR_PORTS_VARIABLE] ?? "").split(",").map(Number);
  if (!port || !failingPort || !slowPort)
    throw new Error(`${EMULATOR_PORTS_VARIABLE} is not set: run the tests through vitest.config.ts`);
  const healthy = await startEmulatorServer({ ...options, port });
  const failing = await startEmulatorServer({ ...options, port: failingPort });
  const slow = await startSlowUpstream(slowPort, port, SLOW_UPSTREAM_DELAY_MS);
  return async () => {
    await Promise.all([healthy.close(), failing.close(), slow.close()]);
  };
}
