import { afterAll, beforeEach } from "vitest";
import { type EmulatorServerOptions, type RunningEmulator, startEmulatorServer } from "../server.js";

/**
 * Starts an emulator on a free loopback port for one test file (throttling off unless asked for), resets its
 * state before each test and stops it after the file.
 */
export async function useTestEmulator(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const running = await startEmulatorServer({ port: 0, host: "127.0.0.1", qps: false, ...options });
  beforeEach(() => running.emulator.state.reset());
  afterAll(() => running.close());
  return running;
}
