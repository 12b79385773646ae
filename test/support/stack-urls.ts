/**
 * Where the local stack listens: the committed dev config of scripts/stack.mjs, or the ports given by
 * LIVENESS_EMULATOR_PORT / LIVENESS_PROXY_PORT / LIVENESS_PLAYGROUND_PORT / LIVENESS_EXAMPLE_PORT (so two runs can share a machine).
 */
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const STACK = {
  emulator: `http://127.0.0.1:${port("LIVENESS_EMULATOR_PORT", 8790)}`,
  proxy: `http://127.0.0.1:${port("LIVENESS_PROXY_PORT", 8787)}`,
  playground: `http://127.0.0.1:${port("LIVENESS_PLAYGROUND_PORT", 5173)}`,
  example: `http://127.0.0.1:${port("LIVENESS_EXAMPLE_PORT", 5174)}`,
  /** The dev caller key of the committed proxy config (a browser key). */
  callerKey: "dev-caller-key",
  /** The dev server key of the committed proxy config (it may look answers up). */
  serverKey: "dev-server-key",
  /** The emulator's published development AccessKey pair (the proxy's local config uses it). */
  accessKeyId: "LTAI5tEmulatorDevKey00001",
  accessKeySecret: "emulator-dev-secret-do-not-use-in-production",
} as const;
