import { STACK } from "../support/stack-urls.js";

/** One probabilistic fault of the emulator's admin API (`PUT /__emulator/faults`). */
export interface FaultSetting {
  fault: "503" | "500" | "throttling" | "latency" | "drop" | "hang";
  probability: number;
  latencyMs?: number;
  retryAfterMs?: number;
}

/** One call the emulator answered (or dropped), from `GET /__emulator/calls`. */
export interface EmulatorCall {
  requestId: string;
  merchantBizId?: string;
  httpStatus: number;
  code: string;
  billed: boolean;
  durationMs: number;
}

/**
 * The emulator's admin API as the reliability suite uses it: faults in, the ledger and the call log out.
 * Every call throws on a non-2xx answer, so a broken admin API fails the test instead of passing it.
 */
export const emulatorAdmin = {
  /** Puts `faults` in force; with a seed the draws repeat exactly. */
  async setFaults(faults: FaultSetting[], seed: number): Promise<void> {
    await admin("faults", { method: "PUT", body: JSON.stringify({ faults, seed }) });
  },

  /** No more faults. */
  async clearFaults(): Promise<void> {
    await admin("faults", { method: "DELETE" });
  },

  /** Gives every call for `merchantBizId` the scenario `outcome` (such as "hang"), until it is removed. */
  async setScenario(merchantBizId: string, outcome: FaultSetting["fault"]): Promise<void> {
    await admin("scenarios", { method: "PUT", body: JSON.stringify({ merchantBizId, outcome }) });
  },

  /** Removes the scenario of `merchantBizId`. */
  async deleteScenario(merchantBizId: string): Promise<void> {
    await admin(`scenarios?merchantBizId=${encodeURIComponent(merchantBizId)}`, { method: "DELETE" });
  },

  /** How many calls the ledger bills for `merchantBizId`. */
  async billedCount(merchantBizId: string): Promise<number> {
    const ledger = (await admin(`ledger?merchantBizId=${encodeURIComponent(merchantBizId)}`)) as {
      entries: unknown[];
    };
    return ledger.entries.length;
  },

  /** Every call the emulator saw for `merchantBizId`, billed or not. */
  async calls(merchantBizId: string): Promise<EmulatorCall[]> {
    const log = (await admin(`calls?merchantBizId=${encodeURIComponent(merchantBizId)}`)) as {
      calls: EmulatorCall[];
    };
    return log.calls;
  },
};

async function admin(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${STACK.emulator}/__emulator/${path}`, {
    ...init,
    headers: { "content-type": "application/json" },
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`emulator admin ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}
