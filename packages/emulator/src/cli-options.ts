import { isRegionId, REGION_IDS } from "@liveness-kit/core";
import type { EmulatorOptions } from "./emulator-options.js";
import type { QpsSetting } from "./gateway/qps-limiter.js";

/** The default address: loopback only, the port the local stack expects. */
export const DEFAULT_HOST = "127.0.0.1";
/** The default port. */
export const DEFAULT_PORT = 8790;

/** What the command line asks for. */
export type EmulatorCli =
  | { kind: "help" }
  | { kind: "run"; host: string; port: number; options: EmulatorOptions; devKeys: boolean; quiet: boolean };

/** A command-line mistake; the message is meant for the user. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

/** The usage text of `liveness-emulator`. */
export const USAGE = `Usage: liveness-emulator [options]

A local stand-in for Alibaba Cloud's FaceLivenessV2 endpoint (cloudauth-intl 2022-08-09).

Options (environment variable in brackets; a flag wins over its variable):
  --port <n>                 port to listen on, 0 for any free one   [LIVENESS_EMULATOR_PORT]   (8790)
  --host <address>           address to listen on                     [LIVENESS_EMULATOR_HOST]   (127.0.0.1)
  --access-key-id <id>       the AccessKeyId to accept                [LIVENESS_EMULATOR_ACCESS_KEY_ID]
  --access-key-secret <s>    its secret                               [LIVENESS_EMULATOR_ACCESS_KEY_SECRET]
                             (neither given: the public dev key pair, printed at start)
  --region <id>              region of requests to a non-Alibaba host [LIVENESS_EMULATOR_REGION] (ap-southeast-1)
  --qps <n|off>              QPS limit for every region, or off       [LIVENESS_EMULATOR_QPS]    (Alibaba's: 10 or 3)
  --allow-loopback-urls      accept FacePictureUrl on loopback (http) [LIVENESS_EMULATOR_ALLOW_LOOPBACK_URLS=1]
  --no-admin                 do not serve the admin API /__emulator/  [LIVENESS_EMULATOR_ADMIN=0]
  --admin-token <token>      require Bearer <token> on the admin API  [LIVENESS_EMULATOR_ADMIN_TOKEN]
  --admin-host <names>       host names (comma-separated, * for any) [LIVENESS_EMULATOR_ADMIN_HOSTS]
                             the admin API answers besides loopback ones (localhost, 127.x, [::1])
  --quiet                    no line per answered call                [LIVENESS_EMULATOR_QUIET=1]
  --help                     show this text
`;

const VALUE_FLAGS = {
  "--port": "LIVENESS_EMULATOR_PORT",
  "--host": "LIVENESS_EMULATOR_HOST",
  "--access-key-id": "LIVENESS_EMULATOR_ACCESS_KEY_ID",
  "--access-key-secret": "LIVENESS_EMULATOR_ACCESS_KEY_SECRET",
  "--region": "LIVENESS_EMULATOR_REGION",
  "--qps": "LIVENESS_EMULATOR_QPS",
  "--admin-token": "LIVENESS_EMULATOR_ADMIN_TOKEN",
  "--admin-host": "LIVENESS_EMULATOR_ADMIN_HOSTS",
} as const;

type ValueFlag = keyof typeof VALUE_FLAGS;

/** Reads the command line and the environment into emulator options; throws {@link CliError}. */
export function parseEmulatorCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): EmulatorCli {
  const values: Partial<Record<ValueFlag, string>> = {};
  let allowLoopbackUrls = truthy(env.LIVENESS_EMULATOR_ALLOW_LOOPBACK_URLS);
  let admin = env.LIVENESS_EMULATOR_ADMIN === undefined ? true : truthy(env.LIVENESS_EMULATOR_ADMIN);
  let quiet = truthy(env.LIVENESS_EMULATOR_QUIET);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    // A bare `--` (as `pnpm emulator -- --port 0` passes it on) separates nothing here.
    if (arg === "--") continue;
    if (flag === "--help" || flag === "-h") return { kind: "help" };
    if (flag === "--allow-loopback-urls") {
      allowLoopbackUrls = true;
    } else if (flag === "--no-admin") {
      admin = false;
    } else if (flag === "--quiet") {
      quiet = true;
    } else if (Object.hasOwn(VALUE_FLAGS, flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) {
        throw new CliError(`${flag} needs a value`);
      }
      values[flag as ValueFlag] = value;
    } else {
      throw new CliError(`unknown option ${arg} (see --help)`);
    }
  }
  const read = (flag: ValueFlag) => values[flag] ?? (env[VALUE_FLAGS[flag]] || undefined);

  const portText = read("--port") ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new CliError(`--port must be 0-65535, not ${portText}`);

  const accessKeyId = read("--access-key-id");
  const accessKeySecret = read("--access-key-secret");
  if ((accessKeyId === undefined) !== (accessKeySecret === undefined)) {
    throw new CliError("give both --access-key-id and --access-key-secret, or neither (for the dev keys)");
  }
  const region = read("--region");
  if (region !== undefined && !isRegionId(region)) {
    throw new CliError(`--region must be one of ${REGION_IDS.join(", ")}`);
  }
  const options: EmulatorOptions = { admin, allowLoopbackUrls };
  if (accessKeyId !== undefined && accessKeySecret !== undefined)
    options.credentials = { accessKeyId, accessKeySecret };
  if (region !== undefined && isRegionId(region)) options.region = region;
  const qps = read("--qps");
  if (qps !== undefined) options.qps = readQps(qps);
  const adminToken = read("--admin-token");
  if (adminToken !== undefined) options.adminToken = adminToken;
  const adminHosts = read("--admin-host");
  if (adminHosts !== undefined) options.adminHosts = adminHosts.split(",").map((host) => host.trim());
  return {
    kind: "run",
    host: read("--host") ?? DEFAULT_HOST,
    port,
    options,
    devKeys: accessKeyId === undefined,
    quiet,
  };
}

function readQps(text: string): QpsSetting {
  if (text === "off" || text === "false" || text === "0") return false;
  const qps = Number(text);
  if (!Number.isFinite(qps) || qps <= 0)
    throw new CliError(`--qps must be a positive number or off, not ${text}`);
  return qps;
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && ["1", "true", "yes", "on"].includes(value.toLowerCase());
}
