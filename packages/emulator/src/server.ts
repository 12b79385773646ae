import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { FACE_LIVENESS_VERSION } from "@liveness-kit/core";
import { createEmulator, type Emulator } from "./app.js";
import { CliError, DEFAULT_HOST, DEFAULT_PORT, parseEmulatorCli, USAGE } from "./cli-options.js";
import { DEV_CREDENTIALS } from "./dev-credentials.js";
import type { EmulatorOptions } from "./emulator-options.js";
import { bucketOfHost } from "./product/upload-bucket.js";

/** Options of {@link startEmulatorServer}: the emulator's, plus where to listen. */
export interface EmulatorServerOptions extends EmulatorOptions {
  /** Default 8790; 0 picks a free port (tests). */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
}

/** A running emulator server. */
export interface RunningEmulator {
  /** `http://host:port`, e.g. `http://127.0.0.1:8790`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly emulator: Emulator;
  /** Releases waiting requests, closes every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Serves an emulator over HTTP on Node (`@hono/node-server`). The `AuthorizeFileUpload` endpoint becomes the
 * address it listens on, unless `endpoint` is given.
 */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST, ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const listener = getRequestListener(emulator.app.fetch);
  const server: Server = createServer((incoming, outgoing) => {
    routeBucketHost(incoming);
    void listener(incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${hostPart}:${address.port}`;
  emulator.state.endpoint ??= `${hostPart}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    host: address.address,
    port: address.port,
    emulator,
    close() {
      closing ??= new Promise<void>((resolve) => {
        emulator.close();
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests released above answer within a tick; whatever is left after that is cut.
        setTimeout(() => server.closeAllConnections(), 100).unref();
      });
      return closing;
    },
  };
}

/**
 * `POST http://{Bucket}.{Endpoint}/` with an IP endpoint (`bucket.127.0.0.1:8790`) has a Host that is not a
 * valid URL host, which the Node adapter refuses; such a request is sent to `/__oss/{Bucket}/` with the
 * endpoint as its Host, before the adapter sees it.
 */
function routeBucketHost(incoming: IncomingMessage): void {
  const host = incoming.headers.host;
  const bucket = bucketOfHost(host);
  if (!host || !bucket || !incoming.url?.startsWith("/")) return;
  incoming.url = `/__oss/${bucket}${incoming.url}`;
  incoming.headers.host = host.slice(bucket.length + 1);
}

/** Output streams of {@link runEmulatorCli} (the process's by default). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * The `liveness-emulator` command: reads flags and environment, starts the server, prints the URL (and the
 * dev keys when no keys were given; a configured secret is never printed) and one line per answered call
 * (unless `--quiet`), and stops cleanly on SIGINT or SIGTERM. Resolves to an exit code for `--help` and usage errors, or to the running server.
 */
export async function runEmulatorCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: CliIo = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
): Promise<number | RunningEmulator> {
  let cli: ReturnType<typeof parseEmulatorCli>;
  try {
    cli = parseEmulatorCli(argv, env);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(`liveness-emulator: ${error.message}\n`);
    return 2;
  }
  if (cli.kind === "help") {
    io.out(USAGE);
    return 0;
  }
  let running: RunningEmulator;
  try {
    running = await startEmulatorServer({
      ...cli.options,
      host: cli.host,
      port: cli.port,
      ...(cli.quiet ? {} : { log: (line: string) => io.out(`${line}\n`) }),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    io.err(`liveness-emulator: cannot listen on ${cli.host}:${cli.port}${code ? ` (${code})` : ""}\n`);
    return 1;
  }
  const { state } = running.emulator;
  const keyId = state.options.credentials.map((pair) => pair.accessKeyId).join(", ");
  io.out(
    [
      `liveness-emulator: FaceLivenessV2 ${FACE_LIVENESS_VERSION} on ${running.url}`,
      `  region ${state.options.region}, QPS ${describeQps(state.options.qps)}`,
      cli.devKeys
        ? `  dev keys: AccessKeyId ${DEV_CREDENTIALS.accessKeyId}  AccessKeySecret ${DEV_CREDENTIALS.accessKeySecret}`
        : `  AccessKeyId ${keyId} (secret not shown)`,
      state.options.admin
        ? `  admin API: ${running.url}/__emulator/ (health: ${running.url}/__emulator/health)`
        : "  admin API off",
      "",
    ].join("\n"),
  );
  const stop = (signal: NodeJS.Signals) => {
    io.out(`liveness-emulator: ${signal}, stopping\n`);
    void stopped.close();
  };
  const stopped: RunningEmulator = {
    ...running,
    close: () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      return running.close();
    },
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return stopped;
}

function describeQps(qps: EmulatorOptions["qps"]): string {
  if (qps === false) return "off";
  if (typeof qps === "number") return `${qps} in every region`;
  return "Alibaba's (10 in ap-southeast-1 and cn-hongkong, 3 in ap-southeast-3 and ap-southeast-5)";
}
