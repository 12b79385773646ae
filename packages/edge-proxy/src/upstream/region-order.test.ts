import { REGION_IDS } from "@liveness-kit/core/spec";
import { describe, expect, it } from "vitest";
import type { ProxyConfig } from "../config/proxy-config.js";
import { regionOrder } from "./region-order.js";

function config(region: ProxyConfig["region"], failover = [...REGION_IDS]): ProxyConfig {
  return { region, failover } as unknown as ProxyConfig;
}

describe("regionOrder", () => {
  it("puts a fixed region first, then the fail-over order", () => {
    expect(regionOrder(config("ap-southeast-5"), undefined)).toEqual([
      "ap-southeast-5",
      "ap-southeast-1",
      "cn-hongkong",
      "ap-southeast-3",
    ]);
  });

  it("with auto, starts near the caller", () => {
    expect(regionOrder(config("auto"), { country: "ID" })[0]).toBe("ap-southeast-5");
    expect(regionOrder(config("auto"), { country: "my" })[0]).toBe("ap-southeast-3");
    expect(regionOrder(config("auto"), { country: "JP" })[0]).toBe("cn-hongkong");
    expect(regionOrder(config("auto"), { country: "DE" })[0]).toBe("ap-southeast-1");
    expect(regionOrder(config("auto"), undefined)[0]).toBe("ap-southeast-1");
  });

  it("with auto, stays within the configured regions", () => {
    expect(regionOrder(config("auto", ["cn-hongkong"]), { country: "ID" })).toEqual(["cn-hongkong"]);
  });
});
