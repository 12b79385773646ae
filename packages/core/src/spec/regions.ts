/** A region where FaceLivenessV2 is served. */
export type RegionId = "ap-southeast-1" | "ap-southeast-5" | "cn-hongkong" | "ap-southeast-3";

/** One region's endpoints and its per-account QPS limit for one API. */
export interface Region {
  readonly id: RegionId;
  /** The city, for people. */
  readonly name: string;
  /** The endpoint on the public internet. */
  readonly publicHost: string;
  /** The endpoint inside Alibaba Cloud's network (VPC); the official SDK never picks it on its own. */
  readonly vpcHost: string;
  /** Calls per second per account for one API. */
  readonly qps: number;
}

/** Which network an endpoint is reached over. */
export type RegionNetwork = "public" | "vpc";

/** The four regions of the product page, with their per-account QPS limits for one API. */
export const REGIONS: Readonly<Record<RegionId, Region>> = {
  "ap-southeast-1": {
    id: "ap-southeast-1",
    name: "Singapore",
    publicHost: "cloudauth-intl.ap-southeast-1.aliyuncs.com",
    vpcHost: "cloudauth-intl-vpc.ap-southeast-1.aliyuncs.com",
    qps: 10,
  },
  "cn-hongkong": {
    id: "cn-hongkong",
    name: "Hong Kong",
    publicHost: "cloudauth-intl.cn-hongkong.aliyuncs.com",
    vpcHost: "cloudauth-intl-vpc.cn-hongkong.aliyuncs.com",
    qps: 10,
  },
  "ap-southeast-5": {
    id: "ap-southeast-5",
    name: "Jakarta",
    publicHost: "cloudauth-intl.ap-southeast-5.aliyuncs.com",
    vpcHost: "cloudauth-intl-vpc.ap-southeast-5.aliyuncs.com",
    qps: 3,
  },
  "ap-southeast-3": {
    id: "ap-southeast-3",
    name: "Kuala Lumpur",
    publicHost: "cloudauth-intl.ap-southeast-3.aliyuncs.com",
    vpcHost: "cloudauth-intl-vpc.ap-southeast-3.aliyuncs.com",
    qps: 3,
  },
};

/** Every region, in fail-over order: the two 10-QPS regions first, then the 3-QPS ones. */
export const REGION_IDS: readonly RegionId[] = [
  "ap-southeast-1",
  "cn-hongkong",
  "ap-southeast-5",
  "ap-southeast-3",
];

/** Whether `value` names one of the four regions. */
export function isRegionId(value: unknown): value is RegionId {
  return (REGION_IDS as readonly unknown[]).includes(value);
}

/** The endpoint host of `region` on the public internet (default) or inside the VPC. */
export function regionHost(region: RegionId, network: RegionNetwork = "public"): string {
  const entry = REGIONS[region];
  return network === "vpc" ? entry.vpcHost : entry.publicHost;
}
