import { describe, expect, it } from "vitest";
import { regionFromHost } from "./region-from-host.js";

describe("regionFromHost", () => {
  it("reads the region of a public or VPC host", () => {
    expect(regionFromHost("cloudauth-intl.ap-southeast-5.aliyuncs.com", "ap-southeast-1")).toBe(
      "ap-southeast-5",
    );
    expect(regionFromHost("cloudauth-intl-vpc.cn-hongkong.aliyuncs.com", "ap-southeast-1")).toBe(
      "cn-hongkong",
    );
    expect(regionFromHost("CLOUDAUTH-INTL.AP-SOUTHEAST-3.ALIYUNCS.COM:443", "ap-southeast-1")).toBe(
      "ap-southeast-3",
    );
  });

  it("falls back for loopback, unknown regions and other hosts", () => {
    expect(regionFromHost("127.0.0.1:8790", "cn-hongkong")).toBe("cn-hongkong");
    expect(regionFromHost("cloudauth-intl.eu-central-1.aliyuncs.com", "ap-southeast-1")).toBe(
      "ap-southeast-1",
    );
    expect(regionFromHost("evil.com/cloudauth-intl.ap-southeast-5.aliyuncs.com", "ap-southeast-1")).toBe(
      "ap-southeast-1",
    );
    expect(regionFromHost(undefined, "ap-southeast-1")).toBe("ap-southeast-1");
  });
});
