import { describe, expect, it } from "vitest";
import { HASH, minimal, problemsOf } from "./config-test-support.js";
import { loadProxyConfig } from "./proxy-config.js";

describe("loadProxyConfig", () => {
  it("applies documented defaults: Alibaba's hosts, auto region, every region, Alibaba's QPS", () => {
    const config = loadProxyConfig({ ...minimal });
    expect(config.endpoints).toEqual({});
    expect(config.emulatedUpstream).toBe(false);
    expect(config.region).toBe("auto");
    expect(config.failover).toEqual(["ap-southeast-1", "cn-hongkong", "ap-southeast-5", "ap-southeast-3"]);
    expect(config.regionRates["ap-southeast-1"]).toEqual({ capacity: 10, refillPerSecond: 10 });
    expect(config.regionRates["cn-hongkong"]).toEqual({ capacity: 10, refillPerSecond: 10 });
    expect(config.regionRates["ap-southeast-5"]).toEqual({ capacity: 3, refillPerSecond: 3 });
    expect(config.regionRates["ap-southeast-3"]).toEqual({ capacity: 3, refillPerSecond: 3 });
    expect(config.callerRate).toEqual({ capacity: 10, refillPerSecond: 5 });
    expect(config.idempotencyTtlMs).toBe(86_400_000);
    expect(config.body).toEqual({
      maxBytes: 1_500_000,
      idleTimeoutMs: 10_000,
      deadlineMs: 60_000,
      drainMaxBytes: 4_194_304,
      drainMaxMs: 5_000,
    });
    expect(config.callerToken).toBeUndefined();
    expect(config.credentials).toEqual({ accessKeyId: "LTAI-test", accessKeySecret: "super-secret-value" });
    // image.url is off unless image hosts are allowed.
    expect(config.imageUrlHosts).toEqual([]);
  });

  it("reads IMAGE_URL_HOSTS: exact names and *.suffix, in lower case", () => {
    const config = loadProxyConfig({
      ...minimal,
      IMAGE_URL_HOSTS: " Images.Example.com, *.cdn.example.net ,,",
    });
    expect(config.imageUrlHosts).toEqual(["images.example.com", "*.cdn.example.net"]);
  });

  it("reads the emulator endpoint, a per-region map, a fixed region, STS token and overrides", () => {
    const config = loadProxyConfig({
      ...minimal,
      UPSTREAM_ENDPOINT: "http://127.0.0.1:8790",
      UPSTREAM_ENDPOINTS: JSON.stringify({ "cn-hongkong": "http://127.0.0.1:9000/" }),
      ALIBABA_REGION: "ap-southeast-5",
      ALIBABA_FAILOVER: "ap-southeast-5, cn-hongkong",
      ALIBABA_CLOUD_SECURITY_TOKEN: "sts-token",
      REGION_QPS: JSON.stringify({ "ap-southeast-1": 4 }),
      CALLER_TOKEN_SECRET: "x".repeat(32),
      ALLOWED_ORIGINS: "https://app.example.com, http://localhost:5173",
      CALLER_KEYS: JSON.stringify([{ id: "web", sha256: HASH, ratePerSecond: 2, burst: 3 }]),
    });
    expect(config.endpoints["ap-southeast-1"]).toBe("http://127.0.0.1:8790");
    expect(config.endpoints["cn-hongkong"]).toBe("http://127.0.0.1:9000");
    expect(config.emulatedUpstream).toBe(true);
    expect(config.region).toBe("ap-southeast-5");
    expect(config.failover).toEqual(["ap-southeast-5", "cn-hongkong"]);
    expect(config.credentials.securityToken).toBe("sts-token");
    expect(config.regionRates["ap-southeast-1"]).toEqual({ capacity: 4, refillPerSecond: 4 });
    expect(config.callerToken).toEqual({ secret: "x".repeat(32), audience: "liveness-edge-proxy" });
    expect([...config.allowedOrigins]).toEqual(["https://app.example.com", "http://localhost:5173"]);
    expect(config.callerKeys[0]?.rate).toEqual({ capacity: 3, refillPerSecond: 2 });
  });

  it("reads the body's size limit, its idle timeout and deadline, and the drain bounds", () => {
    const config = loadProxyConfig({
      ...minimal,
      MAX_BODY_BYTES: "2000",
      BODY_IDLE_TIMEOUT_MS: "1500",
      BODY_DEADLINE_MS: "4000",
      BODY_DRAIN_MAX_BYTES: "0",
      BODY_DRAIN_MAX_MS: "0",
    });
    expect(config.body).toEqual({
      maxBytes: 2_000,
      idleTimeoutMs: 1_500,
      deadlineMs: 4_000,
      drainMaxBytes: 0,
      drainMaxMs: 0,
    });
  });

  it("caches the parsed configuration per env object", () => {
    const env = { ...minimal };
    expect(loadProxyConfig(env)).toBe(loadProxyConfig(env));
  });

  it.each([
    [{ ALIBABA_CLOUD_ACCESS_KEY_SECRET: "" }, "ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
    [{ ALIBABA_CLOUD_ACCESS_KEY_ID: "" }, "ALIBABA_CLOUD_ACCESS_KEY_ID"],
    [{ CALLER_KEYS: "" }, "CALLER_KEYS / CALLER_TOKEN_SECRET"],
    [{ CALLER_KEYS: "[{}]" }, "CALLER_KEYS"],
    [{ CALLER_KEYS: JSON.stringify([{ id: "a", sha256: "ABC" }]) }, "CALLER_KEYS"],
    [
      {
        CALLER_KEYS: JSON.stringify([
          { id: "a", sha256: HASH },
          { id: "a", sha256: HASH },
        ]),
      },
      "CALLER_KEYS",
    ],
    [{ CALLER_TOKEN_SECRET: "short" }, "CALLER_TOKEN_SECRET"],
    [{ ALIBABA_REGION: "us-east-1" }, "ALIBABA_REGION"],
    [{ ALIBABA_FAILOVER: "ap-southeast-1,ap-southeast-1" }, "ALIBABA_FAILOVER"],
    [{ ALIBABA_FAILOVER: "mars-1" }, "ALIBABA_FAILOVER"],
    [{ UPSTREAM_ENDPOINT: "ftp://127.0.0.1" }, "UPSTREAM_ENDPOINT"],
    [{ UPSTREAM_ENDPOINT: "http://127.0.0.1:8790/path" }, "UPSTREAM_ENDPOINT"],
    [{ UPSTREAM_ENDPOINT: "http://user:pw@127.0.0.1:8790" }, "UPSTREAM_ENDPOINT"],
    [{ UPSTREAM_ENDPOINTS: JSON.stringify({ moon: "http://127.0.0.1" }) }, "UPSTREAM_ENDPOINTS"],
    [{ REGION_QPS: JSON.stringify({ "ap-southeast-1": -1 }) }, "REGION_QPS"],
    [{ REGION_QPS: JSON.stringify({ "ap-southeast-5": 1 }) }, "REGION_QPS"],
    [{ REGION_QPS: JSON.stringify({ "ap-southeast-5": 0.01 }) }, "REGION_QPS"],
    [{ ALLOWED_ORIGINS: "*" }, "ALLOWED_ORIGINS"],
    [{ ALLOWED_ORIGINS: "https://app.example.com/path" }, "ALLOWED_ORIGINS"],
    [{ CALLER_BURST: "0" }, "CALLER_BURST"],
    [{ UPSTREAM_RETRIES: "1.5" }, "UPSTREAM_RETRIES"],
    [{ UPSTREAM_TIMEOUT_MS: "soon" }, "UPSTREAM_TIMEOUT_MS"],
    [{ MAX_BODY_BYTES: "10" }, "MAX_BODY_BYTES"],
    [{ BODY_IDLE_TIMEOUT_MS: "0" }, "BODY_IDLE_TIMEOUT_MS"],
    [{ BODY_IDLE_TIMEOUT_MS: "1.5" }, "BODY_IDLE_TIMEOUT_MS"],
    [{ BODY_DEADLINE_MS: "forever" }, "BODY_DEADLINE_MS"],
    [{ BODY_DEADLINE_MS: "600001" }, "BODY_DEADLINE_MS"],
    [{ BODY_DRAIN_MAX_BYTES: "-1" }, "BODY_DRAIN_MAX_BYTES"],
    [{ BODY_DRAIN_MAX_MS: "60001" }, "BODY_DRAIN_MAX_MS"],
    [{ IMAGE_URL_HOSTS: "*" }, "IMAGE_URL_HOSTS"],
    [{ IMAGE_URL_HOSTS: "*.com" }, "IMAGE_URL_HOSTS"],
    [{ IMAGE_URL_HOSTS: "images.example.com,169.254.169.254" }, "IMAGE_URL_HOSTS"],
    [{ IMAGE_URL_HOSTS: "*.nip.io" }, "IMAGE_URL_HOSTS"],
    [{ IMAGE_URL_HOSTS: "kubernetes.default.svc" }, "IMAGE_URL_HOSTS"],
  ])("refuses %j, naming %s", (change, variable) => {
    const problems = problemsOf({ ...minimal, ...change });
    expect(problems.some((problem) => problem.startsWith(variable))).toBe(true);
  });

  it("lists every problem at once and never a value", () => {
    const problems = problemsOf({
      ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI-test",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "super-secret-value",
      CALLER_KEYS: "not json with super-secret-value",
      CALLER_TOKEN_SECRET: "short-secret",
      UPSTREAM_TIMEOUT_MS: "-1",
    });
    expect(problems.length).toBeGreaterThanOrEqual(3);
    const text = problems.join("\n");
    expect(text).not.toContain("super-secret-value");
    expect(text).not.toContain("short-secret");
  });
});
