/** Where the local stack listens (the committed dev config of scripts/stack.mjs). */
export const STACK = {
  emulator: "http://127.0.0.1:8790",
  proxy: "http://127.0.0.1:8787",
  playground: "http://127.0.0.1:5173",
  callerKey: "dev-caller-key",
} as const;
