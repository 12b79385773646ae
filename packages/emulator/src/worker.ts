import { isRegionId } from "@liveness-kit/core";
import { createEmulator, type Emulator } from "./app.js";
import type { EmulatorOptions } from "./emulator-options.js";

/**
 * The variables a Worker running the emulator reads (wrangler `vars` / secrets). Without keys it accepts the
 * dev key pair. The admin API is off unless an admin token is set (then it needs `Bearer <token>`): a deployed
 * emulator is not local. It needs no compatibility flag: image decoding uses jpeg-js and Web APIs only.
 */
export interface EmulatorWorkerEnv {
  LIVENESS_EMULATOR_ACCESS_KEY_ID?: string;
  LIVENESS_EMULATOR_ACCESS_KEY_SECRET?: string;
  LIVENESS_EMULATOR_REGION?: string;
  /** A number, or `off`. */
  LIVENESS_EMULATOR_QPS?: string;
  LIVENESS_EMULATOR_ADMIN_TOKEN?: string;
}

/** Emulator options from a Worker's env; throws a TypeError for an invalid value. */
export function emulatorOptionsFromEnv(env: EmulatorWorkerEnv): EmulatorOptions {
  const options: EmulatorOptions = { admin: Boolean(env.LIVENESS_EMULATOR_ADMIN_TOKEN) };
  // A deployed emulator has its own name; its admin API needs the token, which a rebinding page cannot know.
  if (env.LIVENESS_EMULATOR_ADMIN_TOKEN) {
    options.adminToken = env.LIVENESS_EMULATOR_ADMIN_TOKEN;
    options.adminHosts = ["*"];
  }
  const accessKeyId = env.LIVENESS_EMULATOR_ACCESS_KEY_ID;
  const accessKeySecret = env.LIVENESS_EMULATOR_ACCESS_KEY_SECRET;
  if (accessKeyId && accessKeySecret) options.credentials = { accessKeyId, accessKeySecret };
  else if (accessKeyId || accessKeySecret)
    throw new TypeError("set both LIVENESS_EMULATOR_ACCESS_KEY_ID and _SECRET");
  const region = env.LIVENESS_EMULATOR_REGION;
  if (region) {
    if (!isRegionId(region)) throw new TypeError("LIVENESS_EMULATOR_REGION is not a region id");
    options.region = region;
  }
  const qps = env.LIVENESS_EMULATOR_QPS;
  if (qps) {
    const limit = Number(qps);
    if (qps !== "off" && !(limit > 0))
      throw new TypeError("LIVENESS_EMULATOR_QPS must be a positive number or off");
    options.qps = qps === "off" ? false : limit;
  }
  return options;
}

let cached: { key: string; emulator: Emulator } | undefined;

/**
 * The Worker entry: one emulator per isolate (state in memory, as on Node), rebuilt if the env changes.
 * Dropped-connection scenarios make the fetch handler throw, so the runtime fails the request unanswered.
 */
const worker = {
  fetch(request: Request, env: EmulatorWorkerEnv = {}): Promise<Response> {
    const key = JSON.stringify([
      env.LIVENESS_EMULATOR_ACCESS_KEY_ID,
      env.LIVENESS_EMULATOR_ACCESS_KEY_SECRET,
      env.LIVENESS_EMULATOR_REGION,
      env.LIVENESS_EMULATOR_QPS,
      env.LIVENESS_EMULATOR_ADMIN_TOKEN,
    ]);
    if (cached?.key !== key) cached = { key, emulator: createEmulator(emulatorOptionsFromEnv(env)) };
    return cached.emulator.fetch(request, {});
  },
};

export default worker;
