import { bytesToHex } from "@liveness-kit/core/bytes";
import type { ResolvedEmulatorOptions } from "./emulator-options.js";
import { NonceStore } from "./gateway/nonce-store.js";
import { QpsLimiter } from "./gateway/qps-limiter.js";
import { CallLog } from "./ledger/call-log.js";
import { Ledger } from "./ledger/ledger.js";
import { ObjectStore } from "./product/object-store.js";
import { PictureMeasurer } from "./product/picture-measurer.js";
import { FaultInjector } from "./scenarios/fault-injector.js";
import { Interruptions } from "./scenarios/interruptions.js";
import { ScenarioBook } from "./scenarios/scenario-book.js";

/** The key pair the emulator's "OSS" signs upload policies with; never shown except its id. */
export interface UploadSigner {
  accessKeyId: string;
  secret: string;
}

/**
 * Everything an emulator instance remembers, in memory (per process on Node, per isolate on a Worker).
 * Tests reach it through `createEmulator(...).state`, or over HTTP through the admin API.
 */
export interface EmulatorState {
  readonly options: ResolvedEmulatorOptions;
  readonly ledger: Ledger;
  readonly calls: CallLog;
  readonly scenarios: ScenarioBook;
  readonly faults: FaultInjector;
  readonly nonces: NonceStore;
  readonly qps: QpsLimiter;
  readonly objects: ObjectStore;
  /** Measures pictures (on Node one at a time, first come first served) and remembers recent ones. */
  readonly pictures: PictureMeasurer;
  readonly interruptions: Interruptions;
  readonly uploadSigner: UploadSigner;
  /** When the instance started (ms since the epoch). */
  readonly startedAt: number;
  /** The `host:port` answered as `Endpoint` by `AuthorizeFileUpload` (set by the server once it listens). */
  endpoint: string | undefined;
  /** Forgets the ledger, calls, scenarios, faults, nonces, throttling windows and uploads. */
  reset(): void;
}

/** Builds the state of a new emulator. */
export function createEmulatorState(options: ResolvedEmulatorOptions): EmulatorState {
  const random = crypto.getRandomValues(new Uint8Array(24));
  const hex = bytesToHex(random);
  const state: EmulatorState = {
    options,
    ledger: new Ledger(),
    calls: new CallLog(),
    scenarios: new ScenarioBook(),
    faults: new FaultInjector(),
    nonces: new NonceStore(),
    qps: new QpsLimiter(options.qps),
    objects: new ObjectStore({ ttlMs: options.uploadTtlMs }),
    pictures: new PictureMeasurer(),
    interruptions: new Interruptions(),
    // A fresh pair per instance: upload policies cannot be forged from the source code.
    uploadSigner: { accessKeyId: `LTAI5tEmulatorOss${hex.slice(0, 8)}`, secret: hex.slice(8) },
    startedAt: options.now(),
    endpoint: options.endpoint,
    reset() {
      state.ledger.clear();
      state.calls.clear();
      state.scenarios.clear();
      state.faults.clear();
      state.nonces.clear();
      state.qps.setting = options.qps;
      state.objects.clear();
    },
  };
  return state;
}
