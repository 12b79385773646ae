import { describe, expect, it } from "vitest";
import { hostReachability } from "./host-reachability.js";

describe("hostReachability", () => {
  it.each([
    ["localhost", "loopback"],
    ["img.localhost", "loopback"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["[::1]", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "private"],
    ["0.0.0.0", "private"],
    ["[fd00::1]", "private"],
    ["[fe80::1]", "private"],
    ["[::ffff:7f00:1]", "private"],
    ["metadata.google.internal", "private"],
    ["printer.local", "private"],
    ["intranet", "private"],
    ["8.8.8.8", "public"],
    ["[2001:db8::1]", "public"],
    ["oss-ap-southeast-1.aliyuncs.com", "public"],
  ])("%s is %s", (host, expected) => {
    expect(hostReachability(host)).toBe(expected);
  });
});
