import { expect, test } from "vitest";
import { isRegionId, REGION_IDS, REGIONS, regionHost } from "./regions.js";

test("holds the four regions of the spec with their hosts and QPS", () => {
  expect(REGIONS["ap-southeast-1"]).toMatchObject({
    publicHost: "cloudauth-intl.ap-southeast-1.aliyuncs.com",
    vpcHost: "cloudauth-intl-vpc.ap-southeast-1.aliyuncs.com",
    qps: 10,
  });
  expect(REGIONS["ap-southeast-5"]).toMatchObject({
    publicHost: "cloudauth-intl.ap-southeast-5.aliyuncs.com",
    vpcHost: "cloudauth-intl-vpc.ap-southeast-5.aliyuncs.com",
    qps: 3,
  });
  expect(REGIONS["cn-hongkong"]).toMatchObject({
    publicHost: "cloudauth-intl.cn-hongkong.aliyuncs.com",
    vpcHost: "cloudauth-intl-vpc.cn-hongkong.aliyuncs.com",
    qps: 10,
  });
  expect(REGIONS["ap-southeast-3"]).toMatchObject({
    publicHost: "cloudauth-intl.ap-southeast-3.aliyuncs.com",
    vpcHost: "cloudauth-intl-vpc.ap-southeast-3.aliyuncs.com",
    qps: 3,
  });
  for (const [id, region] of Object.entries(REGIONS)) expect(region.id).toBe(id);
});

test("lists every region once, in fail-over order", () => {
  expect(REGION_IDS).toEqual(["ap-southeast-1", "cn-hongkong", "ap-southeast-5", "ap-southeast-3"]);
  expect([...REGION_IDS].sort()).toEqual(Object.keys(REGIONS).sort());
});

test("isRegionId accepts exactly the four ids", () => {
  expect(isRegionId("cn-hongkong")).toBe(true);
  expect(isRegionId("cn-shanghai")).toBe(false);
  expect(isRegionId(42)).toBe(false);
});

test("regionHost picks the public host by default and the VPC host on request", () => {
  expect(regionHost("ap-southeast-3")).toBe("cloudauth-intl.ap-southeast-3.aliyuncs.com");
  expect(regionHost("ap-southeast-3", "vpc")).toBe("cloudauth-intl-vpc.ap-southeast-3.aliyuncs.com");
});
