// Talks to the emulators' admin API (`/__emulator/`) from the workerd tests: the ledger of billed calls,
// the log of every call, scenarios and faults.
import { EMULATOR_ORIGIN } from "./emulator-origins.js";

/** One call as the emulator logged it. */
export interface EmulatorCall {
  action?: string;
  code?: string;
  merchantBizId?: string;
  [field: string]: unknown;
}

async function admin(
  method: string,
  path: string,
  body?: unknown,
  origin = EMULATOR_ORIGIN,
): Promise<unknown> {
  const response = await fetch(`${origin}/__emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`emulator admin ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** How many calls the emulator billed for `merchantBizId`. */
export async function billedCalls(merchantBizId: string, origin = EMULATOR_ORIGIN): Promise<number> {
  const ledger = (await admin(
    "GET",
    `/ledger?merchantBizId=${encodeURIComponent(merchantBizId)}`,
    undefined,
    origin,
  )) as {
    summary: { billed: number };
  };
  return ledger.summary.billed;
}

/** Every call the emulator received for `merchantBizId` (billed or not). */
export async function callsFor(merchantBizId: string, origin = EMULATOR_ORIGIN): Promise<EmulatorCall[]> {
  const log = (await admin(
    "GET",
    `/calls?merchantBizId=${encodeURIComponent(merchantBizId)}`,
    undefined,
    origin,
  )) as {
    calls: EmulatorCall[];
  };
  return log.calls;
}

/** Every call of one action (e.g. `AuthorizeFileUpload`). */
export async function callsOfAction(action: string, origin = EMULATOR_ORIGIN): Promise<EmulatorCall[]> {
  const log = (await admin("GET", `/calls?action=${encodeURIComponent(action)}`, undefined, origin)) as {
    calls: EmulatorCall[];
  };
  return log.calls;
}

/** Sets a scenario for one `merchantBizId` (e.g. `{ outcome: "503", times: 1 }`). */
export async function setScenario(
  merchantBizId: string,
  rule: Record<string, unknown>,
  origin = EMULATOR_ORIGIN,
) {
  await admin("PUT", "/scenarios", { merchantBizId, ...rule }, origin);
}

/** Removes the scenario of one `merchantBizId`. */
export async function clearScenario(merchantBizId: string, origin = EMULATOR_ORIGIN) {
  await admin("DELETE", `/scenarios?merchantBizId=${encodeURIComponent(merchantBizId)}`, undefined, origin);
}

/** Sets probabilistic faults for every call (e.g. `{ fault: "503", probability: 1 }`). */
export async function setFaults(faults: Record<string, unknown>, origin = EMULATOR_ORIGIN) {
  await admin("PUT", "/faults", faults, origin);
}
