// Re-exports only: the Node entry of @liveness-kit/emulator (the Worker entry is ./worker).
export { createEmulator, type Emulator } from "./app.js";
export {
  CliError,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type EmulatorCli,
  parseEmulatorCli,
  USAGE,
} from "./cli-options.js";
export { DEV_CREDENTIALS } from "./dev-credentials.js";
export type { AcceptedCall, EmulatorEnv } from "./emulator-env.js";
export {
  DEFAULT_MAX_BODY_BYTES,
  type EmulatorCredentials,
  type EmulatorOptions,
  type ResolvedEmulatorOptions,
} from "./emulator-options.js";
export type { EmulatorState } from "./emulator-state.js";
export type { QpsSetting } from "./gateway/qps-limiter.js";
export type { CallFilter, CallRecord } from "./ledger/call-log.js";
export type { LedgerEntry, LedgerFilter, LedgerSummary } from "./ledger/ledger.js";
export { MEASUREMENT_SHORTER_SIDE, QUALITY_GATE } from "./product/quality.js";
export type { FaultConfiguration, FaultSetting } from "./scenarios/fault-injector.js";
export type { ScenarioListing, ScenarioMatch } from "./scenarios/scenario-book.js";
export { SCENARIO_OUTCOMES, type ScenarioOutcome, type ScenarioRule } from "./scenarios/scenario-rule.js";
export {
  type CliIo,
  type EmulatorServerOptions,
  type RunningEmulator,
  runEmulatorCli,
  startEmulatorServer,
} from "./server.js";
