import { base64ToBytes, bytesToBase64 } from "@liveness-kit/core";
import { describe, expect, it } from "vitest";
import { createPostPolicy, verifyPostPolicy } from "./oss-post-policy.js";

const secret = "oss-secret";
const grant = { bucket: "bkt", key: "uploads/abc", maxBytes: 1_048_576, expiresAt: Date.UTC(2030, 0, 1) };
const expected = { accessKeyId: "OSSKEY", secret, bucket: "bkt", now: Date.UTC(2029, 0, 1) };

async function form(
  overrides: Partial<{ key: string; fileSize: number; policy: string; signature: string }> = {},
) {
  const issued = await createPostPolicy(grant, secret);
  return {
    accessKeyId: "OSSKEY",
    policy: issued.encodedPolicy,
    signature: issued.signature,
    key: grant.key,
    fileSize: 1000,
    ...overrides,
  };
}

describe("createPostPolicy", () => {
  it("encodes the expiry and the conditions, and signs with HMAC-SHA1", async () => {
    const issued = await createPostPolicy(grant, secret);
    const policy = JSON.parse(new TextDecoder().decode(base64ToBytes(issued.encodedPolicy)));
    expect(policy).toEqual({
      expiration: "2030-01-01T00:00:00.000Z",
      conditions: [{ bucket: "bkt" }, ["content-length-range", 0, 1_048_576], ["eq", "$key", "uploads/abc"]],
    });
    expect(base64ToBytes(issued.signature)).toHaveLength(20);
  });
});

describe("verifyPostPolicy", () => {
  it("accepts the upload the policy allows", async () => {
    expect(await verifyPostPolicy(await form(), expected)).toEqual({ ok: true });
  });

  it("refuses another access key", async () => {
    expect(await verifyPostPolicy({ ...(await form()), accessKeyId: "X" }, expected)).toMatchObject({
      status: 403,
      code: "InvalidAccessKeyId",
    });
  });

  it("refuses a changed policy or signature", async () => {
    const good = await form();
    const changed = JSON.parse(new TextDecoder().decode(base64ToBytes(good.policy)));
    changed.conditions[1][2] = 50_000_000;
    const tampered = bytesToBase64(new TextEncoder().encode(JSON.stringify(changed)));
    expect(await verifyPostPolicy({ ...good, policy: tampered }, expected)).toMatchObject({
      code: "SignatureDoesNotMatch",
    });
    expect(await verifyPostPolicy({ ...good, signature: "AAAA" }, expected)).toMatchObject({
      code: "SignatureDoesNotMatch",
    });
  });

  it("refuses an expired policy", async () => {
    expect(await verifyPostPolicy(await form(), { ...expected, now: grant.expiresAt })).toMatchObject({
      status: 403,
      code: "AccessDenied",
      message: "Invalid according to Policy: Policy expired.",
    });
  });

  it("refuses another key, another bucket and a file over the range", async () => {
    expect(await verifyPostPolicy(await form({ key: "uploads/other" }), expected)).toMatchObject({
      code: "AccessDenied",
    });
    expect(await verifyPostPolicy(await form(), { ...expected, bucket: "b2" })).toMatchObject({
      code: "AccessDenied",
    });
    expect(await verifyPostPolicy(await form({ fileSize: 1_048_577 }), expected)).toMatchObject({
      status: 400,
      code: "EntityTooLarge",
    });
  });

  it("refuses a policy that is not JSON even when signed", async () => {
    const policy = bytesToBase64(new TextEncoder().encode("not json"));
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-1" },
      false,
      ["sign"],
    );
    const signature = bytesToBase64(
      new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(policy))),
    );
    expect(await verifyPostPolicy(await form({ policy, signature }), expected)).toMatchObject({
      code: "InvalidPolicyDocument",
    });
  });
});
