import { REGION_IDS, type RegionId } from "@liveness-kit/core";
import { DEV_CREDENTIALS } from "./dev-credentials.js";
import type { QpsSetting } from "./gateway/qps-limiter.js";

/** An AccessKey pair the emulator accepts. */
export interface EmulatorCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

/** How to build an emulator; every field is optional. */
export interface EmulatorOptions {
  /** The key pair(s) it accepts; default {@link DEV_CREDENTIALS}. */
  credentials?: EmulatorCredentials | readonly EmulatorCredentials[];
  /** The region of requests whose Host names none (e.g. `127.0.0.1:8790`); default `ap-southeast-1`. */
  region?: RegionId;
  /** QPS limits per account, region and API (`false` switches throttling off); default Alibaba's 10 or 3. */
  qps?: QpsSetting;
  /** Serve the admin API under `/__emulator/`; default true (turn it off anywhere but a local machine). */
  admin?: boolean;
  /** When set, the admin API requires `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /**
   * Host names besides loopback ones (`localhost`, `*.localhost`, 127.0.0.0/8, `[::1]`) under which the admin
   * API answers; `"*"` for any. Default none: a page whose name is rebound to 127.0.0.1 cannot read it.
   */
  adminHosts?: readonly string[];
  /** Accept `FacePictureUrl` on loopback, over http or https (for tests); default false. */
  allowLoopbackUrls?: boolean;
  /** The cap on a request body while it is read; default 2 MiB. */
  maxBodyBytes?: number;
  /** How long a `FacePictureUrl` download may take; default 5000 ms. */
  downloadTimeoutMs?: number;
  /** The `host:port` that `AuthorizeFileUpload` answers as `Endpoint`; default the Host of the request. */
  endpoint?: string;
  /** How long an uploaded object is kept, and how long its upload policy is valid; default 30 minutes. */
  uploadTtlMs?: number;
  /** The clock, in ms since the epoch (tests pass a fixed one). */
  now?: () => number;
  /** The fetch used to download `FacePictureUrl` (tests may stub it). */
  fetch?: typeof fetch;
  /** Where to write one line per answered call (no secrets, no image data); default nowhere. */
  log?: (line: string) => void;
}

/** Options with every default applied. */
export interface ResolvedEmulatorOptions {
  credentials: readonly EmulatorCredentials[];
  region: RegionId;
  qps: QpsSetting;
  admin: boolean;
  adminToken: string | undefined;
  adminHosts: readonly string[];
  allowLoopbackUrls: boolean;
  maxBodyBytes: number;
  downloadTimeoutMs: number;
  endpoint: string | undefined;
  uploadTtlMs: number;
  now: () => number;
  fetch: typeof fetch;
  log: ((line: string) => void) | undefined;
}

/** The default cap on a request body: a 1 MB image in base64 is about 1.4 MB, so 2 MiB leaves room. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Applies the defaults and checks the values; throws a TypeError naming the bad option. */
export function resolveEmulatorOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const given = options.credentials ?? DEV_CREDENTIALS;
  const credentials: EmulatorCredentials[] = (
    Array.isArray(given) ? [...given] : [given]
  ) as EmulatorCredentials[];
  if (credentials.length === 0) throw new TypeError("credentials must hold at least one key pair");
  for (const pair of credentials) {
    if (!pair?.accessKeyId || !pair.accessKeySecret) {
      throw new TypeError("every credential needs an accessKeyId and an accessKeySecret");
    }
  }
  const region = options.region ?? "ap-southeast-1";
  if (!REGION_IDS.includes(region)) throw new TypeError(`region must be one of ${REGION_IDS.join(", ")}`);
  return {
    credentials,
    region,
    qps: options.qps ?? {},
    admin: options.admin ?? true,
    adminToken: options.adminToken || undefined,
    adminHosts: (options.adminHosts ?? [])
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host !== ""),
    allowLoopbackUrls: options.allowLoopbackUrls ?? false,
    maxBodyBytes: positive(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, "maxBodyBytes"),
    downloadTimeoutMs: positive(options.downloadTimeoutMs, 5000, "downloadTimeoutMs"),
    endpoint: options.endpoint || undefined,
    uploadTtlMs: positive(options.uploadTtlMs, 30 * 60_000, "uploadTtlMs"),
    now: options.now ?? Date.now,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    log: options.log,
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number`);
  return value;
}
