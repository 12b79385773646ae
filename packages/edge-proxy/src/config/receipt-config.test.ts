import { describe, expect, it } from "vitest";
import DEV_VARS from "../../dev.vars?raw";
import { TEST_RECEIPT_SIGNING_KEY } from "../../test/test-constants.js";
import { minimal, problemsOf } from "./config-test-support.js";
import { loadProxyConfig } from "./proxy-config.js";

const { d: _d, ...publicKey } = TEST_RECEIPT_SIGNING_KEY;

describe("receipt configuration", () => {
  it("defaults: the proxy's own origin as issuer, 600 s, the default audience, no older keys", () => {
    const { receipts } = loadProxyConfig({ ...minimal });
    expect(receipts.issuer).toBeUndefined();
    expect(receipts.ttlSeconds).toBe(600);
    expect(receipts.audience).toBe("liveness-app");
    expect(receipts.publishedKeys).toEqual([]);
    expect(receipts.signingKey.kid).toBe("test-only-receipt-key");
  });

  it("reads issuer, audience, lifetime and older public keys", () => {
    const older = { ...publicKey, kid: "2026-11" };
    const { receipts } = loadProxyConfig({
      ...minimal,
      RECEIPT_ISSUER: "https://liveness.example.com",
      RECEIPT_AUDIENCE: "shop-backend",
      RECEIPT_TTL_SECONDS: "3600",
      RECEIPT_PUBLIC_KEYS: JSON.stringify([older]),
    });
    expect(receipts).toMatchObject({
      issuer: "https://liveness.example.com",
      audience: "shop-backend",
      ttlSeconds: 3600,
      publishedKeys: [older],
    });
  });

  it("refuses to start without a signing key, naming the command that makes one", () => {
    const { RECEIPT_SIGNING_KEY: _key, ...without } = minimal;
    expect(problemsOf(without)).toEqual([
      expect.stringMatching(/^RECEIPT_SIGNING_KEY: required .*receipt-key/),
    ]);
  });

  it.each([
    ["not JSON", "{kty:EC"],
    ["a public key", JSON.stringify(publicKey)],
    ["another curve", JSON.stringify({ ...TEST_RECEIPT_SIGNING_KEY, crv: "P-384" })],
    ["an RSA key", JSON.stringify({ kty: "RSA", n: "x", e: "AQAB", d: "y" })],
    ["a short d", JSON.stringify({ ...TEST_RECEIPT_SIGNING_KEY, d: "abc" })],
  ])("refuses %s as RECEIPT_SIGNING_KEY, without quoting it", (_name, value) => {
    const problems = problemsOf({ ...minimal, RECEIPT_SIGNING_KEY: value });
    expect(problems).toEqual([expect.stringMatching(/^RECEIPT_SIGNING_KEY: expected a private JWK/)]);
    expect(problems.join()).not.toContain(TEST_RECEIPT_SIGNING_KEY.d);
  });

  it("refuses the dev-only key of dev.vars unless the upstream is a stand-in", () => {
    const devKey = /RECEIPT_SIGNING_KEY='(.*)'/.exec(DEV_VARS)?.[1] as string;
    expect(JSON.parse(devKey).kid).toBe("dev-only-receipt-key");
    expect(problemsOf({ ...minimal, RECEIPT_SIGNING_KEY: devKey })).toEqual([
      expect.stringMatching(/^RECEIPT_SIGNING_KEY: the dev-only key/),
    ]);
    expect(
      problemsOf({ ...minimal, RECEIPT_SIGNING_KEY: devKey, UPSTREAM_ENDPOINT: "http://127.0.0.1:8790" }),
    ).toEqual([]);
  });

  it("refuses a lifetime over an hour (or under 10 s) at start", () => {
    expect(problemsOf({ ...minimal, RECEIPT_TTL_SECONDS: "3601" })).toEqual([
      expect.stringMatching(/^RECEIPT_TTL_SECONDS: expected a number from 10 to 3600/),
    ]);
    expect(problemsOf({ ...minimal, RECEIPT_TTL_SECONDS: "5" })).toHaveLength(1);
  });

  it("refuses a private key in the published list (it would be served to anyone)", () => {
    const problems = problemsOf({
      ...minimal,
      RECEIPT_PUBLIC_KEYS: JSON.stringify([TEST_RECEIPT_SIGNING_KEY]),
    });
    expect(problems).toEqual([expect.stringMatching(/^RECEIPT_PUBLIC_KEYS: .*never "d"/)]);
    expect(problems.join()).not.toContain(TEST_RECEIPT_SIGNING_KEY.d);
    expect(
      problemsOf({ ...minimal, RECEIPT_PUBLIC_KEYS: JSON.stringify([{ ...publicKey, kid: undefined }]) }),
    ).toHaveLength(1);
  });

  it("refuses a published list that is not JSON rather than publish no older key", () => {
    expect(problemsOf({ ...minimal, RECEIPT_PUBLIC_KEYS: "[{" })).toEqual([
      expect.stringMatching(/^RECEIPT_PUBLIC_KEYS: expected a JSON array/),
    ]);
  });

  it("gives caller keys the browser role unless they say server; refuses any other role", () => {
    const config = loadProxyConfig({
      ...minimal,
      CALLER_KEYS: JSON.stringify([
        { id: "web", sha256: "a".repeat(64) },
        { id: "backend", sha256: "b".repeat(64), role: "server" },
      ]),
    });
    expect(config.callerKeys.map((key) => key.role)).toEqual(["browser", "server"]);
    expect(
      problemsOf({
        ...minimal,
        CALLER_KEYS: JSON.stringify([{ id: "x", sha256: "a".repeat(64), role: "admin" }]),
      }),
    ).toContainEqual(expect.stringMatching(/^CALLER_KEYS: expected .*"role"/));
  });
});
