import { describe, expect, it } from "vitest";
import { DEV_CREDENTIALS } from "./dev-credentials.js";
import { DEFAULT_MAX_BODY_BYTES, resolveEmulatorOptions } from "./emulator-options.js";

describe("resolveEmulatorOptions", () => {
  it("defaults to the dev keys, Singapore, Alibaba's QPS and the admin API on", () => {
    const options = resolveEmulatorOptions();
    expect(options.credentials).toEqual([DEV_CREDENTIALS]);
    expect(options.region).toBe("ap-southeast-1");
    expect(options.qps).toEqual({});
    expect(options.admin).toBe(true);
    expect(options.allowLoopbackUrls).toBe(false);
    expect(options.maxBodyBytes).toBe(DEFAULT_MAX_BODY_BYTES);
  });

  it("takes one pair or several", () => {
    const pair = { accessKeyId: "a", accessKeySecret: "b" };
    expect(resolveEmulatorOptions({ credentials: pair }).credentials).toEqual([pair]);
    expect(resolveEmulatorOptions({ credentials: [pair, pair] }).credentials).toHaveLength(2);
  });

  it.each([
    [{ credentials: [] }, "at least one"],
    [{ credentials: { accessKeyId: "a", accessKeySecret: "" } }, "accessKeySecret"],
    [{ region: "eu-west-1" }, "region"],
    [{ maxBodyBytes: 0 }, "maxBodyBytes"],
    [{ downloadTimeoutMs: Number.NaN }, "downloadTimeoutMs"],
  ])("refuses %j", (options, message) => {
    expect(() => resolveEmulatorOptions(options as never)).toThrow(message);
  });
});
