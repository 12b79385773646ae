import { base64ToBytes, bytesToBase64, constantTimeEqual } from "@liveness-kit/core";

/** What a PostObject policy allows: one key, in one bucket, up to `maxBytes`, until `expiresAt`. */
export interface PostPolicyGrant {
  bucket: string;
  key: string;
  maxBytes: number;
  expiresAt: number;
}

/** An OSS error answer of the PostObject endpoint (OSS answers XML; see `ossErrorResponse`). */
export interface OssFailure {
  ok: false;
  status: number;
  code: string;
  message: string;
}

/**
 * Issues an OSS PostObject policy, as `AuthorizeFileUpload` does: the policy JSON base64-encoded, and its
 * signature, base64(HMAC-SHA1(secret, encodedPolicy)) (OSS's PostObject signature V1, from the OSS docs).
 */
export async function createPostPolicy(
  grant: PostPolicyGrant,
  secret: string,
): Promise<{ encodedPolicy: string; signature: string }> {
  const policy = {
    expiration: new Date(grant.expiresAt).toISOString(),
    conditions: [
      { bucket: grant.bucket },
      ["content-length-range", 0, grant.maxBytes],
      ["eq", "$key", grant.key],
    ],
  };
  const encodedPolicy = bytesToBase64(new TextEncoder().encode(JSON.stringify(policy)));
  return { encodedPolicy, signature: await hmacSha1Base64(secret, encodedPolicy) };
}

/**
 * Checks a PostObject form as OSS does: the access key, the policy's signature (in constant time), its
 * expiration and every condition (bucket, key, content-length-range against the file's size).
 */
export async function verifyPostPolicy(
  form: { accessKeyId: string; policy: string; signature: string; key: string; fileSize: number },
  expected: { accessKeyId: string; secret: string; bucket: string; now: number },
): Promise<{ ok: true } | OssFailure> {
  if (form.accessKeyId !== expected.accessKeyId) {
    return fail(
      403,
      "InvalidAccessKeyId",
      "The OSS Access Key Id you provided does not exist in our records.",
    );
  }
  const wanted = await hmacSha1Base64(expected.secret, form.policy);
  if (!constantTimeEqual(wanted, form.signature)) {
    return fail(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
  }
  const policy = decodePolicy(form.policy);
  if (!policy) return fail(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON.");
  const expiration = Date.parse(policy.expiration);
  if (!Number.isFinite(expiration) || expiration <= expected.now) {
    return fail(403, "AccessDenied", "Invalid according to Policy: Policy expired.");
  }
  for (const condition of policy.conditions) {
    const failure = checkCondition(condition, {
      bucket: expected.bucket,
      key: form.key,
      size: form.fileSize,
    });
    if (failure) return failure;
  }
  return { ok: true };
}

function checkCondition(
  condition: unknown,
  upload: { bucket: string; key: string; size: number },
): OssFailure | undefined {
  const failed = () =>
    fail(
      403,
      "AccessDenied",
      `Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`,
    );
  if (Array.isArray(condition)) {
    const [operator, field, value] = condition as unknown[];
    if (operator === "content-length-range") {
      const min = Number(field);
      const max = Number(value);
      if (upload.size > max)
        return fail(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
      if (upload.size < min)
        return fail(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.");
      return undefined;
    }
    const actual = field === "$key" ? upload.key : field === "$bucket" ? upload.bucket : undefined;
    if (actual === undefined || typeof value !== "string") return failed();
    if (operator === "eq" && actual !== value) return failed();
    if (operator === "starts-with" && !actual.startsWith(value)) return failed();
    if (operator !== "eq" && operator !== "starts-with") return failed();
    return undefined;
  }
  if (typeof condition === "object" && condition !== null) {
    const { bucket, key } = condition as { bucket?: unknown; key?: unknown };
    if (bucket !== undefined && bucket !== upload.bucket) return failed();
    if (key !== undefined && key !== upload.key) return failed();
    return undefined;
  }
  return failed();
}

function decodePolicy(encoded: string): { expiration: string; conditions: unknown[] } | undefined {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(base64ToBytes(encoded)));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { expiration, conditions } = parsed as { expiration?: unknown; conditions?: unknown };
    if (typeof expiration !== "string" || !Array.isArray(conditions)) return undefined;
    return { expiration, conditions };
  } catch {
    return undefined;
  }
}

async function hmacSha1Base64(secret: string, data: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(data));
  return bytesToBase64(new Uint8Array(signature));
}

function fail(status: number, code: string, message: string): OssFailure {
  return { ok: false, status, code, message };
}
