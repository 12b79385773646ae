import { describe, expect, it } from "vitest";
import { CliError, DEFAULT_PORT, parseEmulatorCli } from "./cli-options.js";

describe("parseEmulatorCli", () => {
  it("defaults to 127.0.0.1:8790 with the dev keys and the admin API", () => {
    expect(parseEmulatorCli([], {})).toEqual({
      kind: "run",
      host: "127.0.0.1",
      port: DEFAULT_PORT,
      options: { admin: true, allowLoopbackUrls: false },
      devKeys: true,
      quiet: false,
    });
  });

  it("reads every flag, in both spellings", () => {
    const cli = parseEmulatorCli(
      [
        "--port",
        "0",
        "--host=::1",
        "--access-key-id",
        "AK",
        "--access-key-secret=SK",
        "--region",
        "cn-hongkong",
        "--qps",
        "off",
        "--allow-loopback-urls",
        "--no-admin",
        "--quiet",
      ],
      {},
    );
    expect(cli).toEqual({
      kind: "run",
      host: "::1",
      port: 0,
      options: {
        admin: false,
        allowLoopbackUrls: true,
        credentials: { accessKeyId: "AK", accessKeySecret: "SK" },
        region: "cn-hongkong",
        qps: false,
      },
      devKeys: false,
      quiet: true,
    });
  });

  it("reads the environment, and lets flags win", () => {
    const env = {
      LIVENESS_EMULATOR_PORT: "9000",
      LIVENESS_EMULATOR_ACCESS_KEY_ID: "AK",
      LIVENESS_EMULATOR_ACCESS_KEY_SECRET: "SK",
      LIVENESS_EMULATOR_QPS: "25",
      LIVENESS_EMULATOR_ALLOW_LOOPBACK_URLS: "1",
      LIVENESS_EMULATOR_ADMIN: "0",
      LIVENESS_EMULATOR_ADMIN_TOKEN: "t",
    };
    const cli = parseEmulatorCli(["--port", "9100"], env);
    expect(cli).toMatchObject({
      port: 9100,
      devKeys: false,
      options: { qps: 25, allowLoopbackUrls: true, admin: false, adminToken: "t" },
    });
  });

  it("reads the admin API's extra host names", () => {
    expect(parseEmulatorCli(["--admin-host", "emulator.lan, dev.box"], {})).toMatchObject({
      options: { adminHosts: ["emulator.lan", "dev.box"] },
    });
    expect(parseEmulatorCli([], { LIVENESS_EMULATOR_ADMIN_HOSTS: "*" })).toMatchObject({
      options: { adminHosts: ["*"] },
    });
  });

  it("ignores a bare -- that package managers pass on", () => {
    expect(parseEmulatorCli(["--", "--port", "0"], {})).toMatchObject({ kind: "run", port: 0 });
  });

  it("asks for help", () => {
    expect(parseEmulatorCli(["--help"], {})).toEqual({ kind: "help" });
  });

  it.each([
    [["--port", "http"], "--port"],
    [["--port", "70000"], "--port"],
    [["--port"], "needs a value"],
    [["--port", "--quiet"], "--port needs a value"],
    [["8790"], "unknown option 8790"],
    [["--access-key-id", "AK"], "both"],
    [["--region", "mars-1"], "--region"],
    [["--qps", "-1"], "--qps"],
    [["--verbose"], "unknown option"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseEmulatorCli(argv, {})).toThrow(CliError);
    expect(() => parseEmulatorCli(argv, {})).toThrow(message);
  });
});
