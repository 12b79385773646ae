import { describe, expect, it } from "vitest";
import { QpsLimiter } from "./qps-limiter.js";

const call = { accessKeyId: "k", region: "ap-southeast-1" as const, action: "FaceLivenessV2" };

describe("QpsLimiter", () => {
  it("uses Alibaba's published limits by default: 10 in Singapore, 3 in Jakarta", () => {
    const limiter = new QpsLimiter();
    expect(limiter.limitFor("ap-southeast-1")).toBe(10);
    expect(limiter.limitFor("cn-hongkong")).toBe(10);
    expect(limiter.limitFor("ap-southeast-5")).toBe(3);
    expect(limiter.limitFor("ap-southeast-3")).toBe(3);
  });

  it("refuses the call beyond the limit in a one-second window and says how long to wait", () => {
    const limiter = new QpsLimiter({ "ap-southeast-1": 2 });
    expect(limiter.take(call, 0).ok).toBe(true);
    expect(limiter.take(call, 400).ok).toBe(true);
    const refused = limiter.take(call, 500);
    expect(refused).toEqual({ ok: false, limit: 2, retryAfterMs: 500 });
    expect(limiter.take(call, 1000).ok).toBe(true);
  });

  it("counts per access key, region and action", () => {
    const limiter = new QpsLimiter(1);
    expect(limiter.take(call, 0).ok).toBe(true);
    expect(limiter.take({ ...call, accessKeyId: "other" }, 0).ok).toBe(true);
    expect(limiter.take({ ...call, region: "cn-hongkong" }, 0).ok).toBe(true);
    expect(limiter.take({ ...call, action: "AuthorizeFileUpload" }, 0).ok).toBe(true);
    expect(limiter.take(call, 0).ok).toBe(false);
  });

  it("can be switched off", () => {
    const limiter = new QpsLimiter(false);
    for (let i = 0; i < 100; i++) expect(limiter.take(call, 0).ok).toBe(true);
    expect(limiter.limitFor("ap-southeast-5")).toBeUndefined();
  });

  it("forgets counted calls when the setting changes", () => {
    const limiter = new QpsLimiter(1);
    limiter.take(call, 0);
    limiter.setting = 1;
    expect(limiter.take(call, 0).ok).toBe(true);
  });
});
