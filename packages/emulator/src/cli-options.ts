import { parseArgs } from "node:util";
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

/** The options that take a value, and the environment variable each falls back to. */
const VALUE_FLAGS = {
  port: "LIVENESS_EMULATOR_PORT",
  host: "LIVENESS_EMULATOR_HOST",
  "access-key-id": "LIVENESS_EMULATOR_ACCESS_KEY_ID",
  "access-key-secret": "LIVENESS_EMULATOR_ACCESS_KEY_SECRET",
  region: "LIVENESS_EMULATOR_REGION",
  qps: "LIVENESS_EMULATOR_QPS",
  "admin-token": "LIVENESS_EMULATOR_ADMIN_TOKEN",
  "admin-host": "LIVENESS_EMULATOR_ADMIN_HOSTS",
} as const;

type ValueFlag = keyof typeof VALUE_FLAGS;

const OPTIONS = {
  ...(Object.fromEntries(Object.keys(VALUE_FLAGS).map((name) => [name, { type: "string" }])) as Record<
    ValueFlag,
    { type: "string" }
  >),
  "allow-loopback-urls": { type: "boolean" },
  "no-admin": { type: "boolean" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Reads the command line and the environment into emulator options; throws {@link CliError}. */
export function parseEmulatorCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): EmulatorCli {
  // A bare `--` (as `pnpm emulator -- --port 0` passes it on) separates nothing here.
  const args = argv.filter((arg) => arg !== "--");
  if (args.includes("--help") || args.includes("-h")) return { kind: "help" };
  const values = parseFlags(args);
  const allowLoopbackUrls =
    values["allow-loopback-urls"] || truthy(env.LIVENESS_EMULATOR_ALLOW_LOOPBACK_URLS);
  const admin =
    !values["no-admin"] && (env.LIVENESS_EMULATOR_ADMIN === undefined || truthy(env.LIVENESS_EMULATOR_ADMIN));
  const quiet = values.quiet || truthy(env.LIVENESS_EMULATOR_QUIET);
  const read = (flag: ValueFlag) => values[flag] ?? (env[VALUE_FLAGS[flag]] || undefined);

  const portText = read("port") ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new CliError(`--port must be 0-65535, not ${portText}`);

  const accessKeyId = read("access-key-id");
  const accessKeySecret = read("access-key-secret");
  if ((accessKeyId === undefined) !== (accessKeySecret === undefined)) {
    throw new CliError("give both --access-key-id and --access-key-secret, or neither (for the dev keys)");
  }
  const region = read("region");
  if (region !== undefined && !isRegionId(region)) {
    throw new CliError(`--region must be one of ${REGION_IDS.join(", ")}`);
  }
  const options: EmulatorOptions = { admin, allowLoopbackUrls };
  if (accessKeyId !== undefined && accessKeySecret !== undefined)
    options.credentials = { accessKeyId, accessKeySecret };
  if (region !== undefined && isRegionId(region)) options.region = region;
  const qps = read("qps");
  if (qps !== undefined) options.qps = readQps(qps);
  const adminToken = read("admin-token");
  if (adminToken !== undefined) options.adminToken = adminToken;
  const adminHosts = read("admin-host");
  if (adminHosts !== undefined) options.adminHosts = adminHosts.split(",").map((host) => host.trim());
  return {
    kind: "run",
    host: read("host") ?? DEFAULT_HOST,
    port,
    options,
    devKeys: accessKeyId === undefined,
    quiet,
  };
}

/** The flags given, by name; a mistake becomes a {@link CliError} that names the flag. */
function parseFlags(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const named = /'(-[^' ]*)/.exec(String((error as Error).message))?.[1];
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
      throw new CliError(`${named ?? "an option"} needs a value`);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const unknown = /'([^']*)'/.exec(String((error as Error).message))?.[1];
      throw new CliError(`unknown option ${unknown ?? ""} (see --help)`);
    }
    throw error;
  }
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
