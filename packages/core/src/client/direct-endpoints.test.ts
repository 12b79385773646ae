import { expect, test } from "vitest";
import type { ValidationIssue } from "../errors/index.js";
import type { DirectClientOptions } from "./client-options.js";
import { resolveDirectEndpoints } from "./direct-endpoints.js";

const credentials = { accessKeyId: "id", accessKeySecret: "secret" };

function resolve(options: Partial<DirectClientOptions>): { endpoints: string[]; issues: string[] } {
  const issues: ValidationIssue[] = [];
  const endpoints = resolveDirectEndpoints(
    { mode: "direct", credentials, ...options } as DirectClientOptions,
    issues,
  );
  return { endpoints, issues: issues.map((i) => `${i.field}:${i.code}`) };
}

test("defaults to Singapore's public host and no fail-over", () => {
  expect(resolve({})).toEqual({
    endpoints: ["https://cloudauth-intl.ap-southeast-1.aliyuncs.com"],
    issues: [],
  });
});

test("puts the region first, then the fail-over regions in the given order, each once", () => {
  expect(
    resolve({ region: "cn-hongkong", failover: ["ap-southeast-1", "cn-hongkong", "ap-southeast-3"] })
      .endpoints,
  ).toEqual([
    "https://cloudauth-intl.cn-hongkong.aliyuncs.com",
    "https://cloudauth-intl.ap-southeast-1.aliyuncs.com",
    "https://cloudauth-intl.ap-southeast-3.aliyuncs.com",
  ]);
});

test("picks the VPC hosts on request", () => {
  expect(resolve({ region: "ap-southeast-5", network: "vpc" }).endpoints).toEqual([
    "https://cloudauth-intl-vpc.ap-southeast-5.aliyuncs.com",
  ]);
});

test("an endpoint replaces the regions: a host means https, an http origin is kept for the emulator", () => {
  expect(
    resolve({ endpoint: "cloudauth-intl.ap-southeast-1.aliyuncs.com", failover: ["cn-hongkong"] }).endpoints,
  ).toEqual(["https://cloudauth-intl.ap-southeast-1.aliyuncs.com"]);
  expect(resolve({ endpoint: "http://127.0.0.1:8790" }).endpoints).toEqual(["http://127.0.0.1:8790"]);
  expect(resolve({ endpoint: "http://127.0.0.1:8790/" }).endpoints).toEqual(["http://127.0.0.1:8790"]);
  expect(resolve({ endpoint: "localhost:8790" }).endpoints).toEqual(["https://localhost:8790"]);
});

test("refuses endpoints that are not a bare http(s) origin", () => {
  for (const endpoint of [
    "",
    "ftp://x",
    "http://h/path",
    "http://h/?q=1",
    "http://u:p@h",
    "a b",
    "https://",
    "http://h#x",
  ]) {
    expect(resolve({ endpoint }).issues, endpoint).toEqual(["endpoint:invalid_format"]);
  }
});

test("refuses an unknown region, network or fail-over entry", () => {
  expect(resolve({ region: "cn-shanghai" as never }).issues).toEqual(["region:invalid_value"]);
  expect(resolve({ network: "intranet" as never }).issues).toEqual(["network:invalid_value"]);
  expect(resolve({ failover: ["us-east-1" as never] }).issues).toEqual(["failover:invalid_value"]);
  expect(resolve({ failover: "cn-hongkong" as never }).issues).toEqual(["failover:invalid_value"]);
});
