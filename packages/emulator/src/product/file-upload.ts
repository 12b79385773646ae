import { IMAGE_LIMITS, isRegionId, type RegionId } from "@liveness-kit/core";
import { bytesToHex } from "@liveness-kit/core/bytes";
import type { Context } from "hono";
import type { EmulatorEnv } from "../emulator-env.js";
import type { EmulatorState } from "../emulator-state.js";
import { AcsError, acsJson } from "../gateway/acs-error.js";
import { BodyTooLargeError, readBody } from "../gateway/read-body.js";
import { requestHost } from "../gateway/request-host.js";
import { createPostPolicy, verifyPostPolicy } from "./oss-post-policy.js";
import { bucketOfHost, uploadBucket } from "./upload-bucket.js";

/** Room for the multipart framing and the policy fields around a 1 MB file. */
const POST_OBJECT_MAX_BODY = IMAGE_LIMITS.maxBytes + 64 * 1024;

/**
 * `AuthorizeFileUpload` (openplatform, 2019-12-19), step 1 of file-stream mode: answers where and how to upload
 * one object, as the official SDK expects (`AccessKeyId`, `Bucket`, `EncodedPolicy`, `Endpoint`, `ObjectKey`,
 * `Signature`, `UseAccelerate`). `Endpoint` is the emulator's own `host:port`, so the SDK's
 * `http://{Bucket}.{Endpoint}/` reaches it (or `POST /__oss/{Bucket}/` where that name does not resolve).
 */
export async function authorizeFileUpload(c: Context<EmulatorEnv>, state: EmulatorState): Promise<Response> {
  const { params } = c.var.call;
  const product = params.get("Product");
  if (!product) throw new AcsError("MissingParameter", "Product is mandatory for this action.");
  if (product.toLowerCase() !== "cloudauth-intl") {
    throw new AcsError("InvalidParameter", "Product is invalid: file-stream mode serves Cloudauth-intl.");
  }
  const regionId = params.get("RegionId") || c.var.call.region;
  if (!isRegionId(regionId)) throw new AcsError("InvalidParameter", "RegionId is invalid.");
  const region: RegionId = regionId;
  const now = state.options.now();
  const bucket = uploadBucket(region);
  const objectKey = `cloudauth-intl/${region}/${new Date(now).toISOString().slice(0, 10)}/${crypto.randomUUID().replaceAll("-", "")}`;
  const { encodedPolicy, signature } = await createPostPolicy(
    { bucket, key: objectKey, maxBytes: IMAGE_LIMITS.maxBytes, expiresAt: now + state.options.uploadTtlMs },
    state.uploadSigner.secret,
  );
  c.set("answerCode", "Success");
  return acsJson(
    {
      RequestId: c.var.requestId,
      AccessKeyId: state.uploadSigner.accessKeyId,
      Bucket: bucket,
      EncodedPolicy: encodedPolicy,
      Endpoint: state.endpoint ?? new URL(c.req.url).host,
      ObjectKey: objectKey,
      Signature: signature,
      UseAccelerate: false,
    },
    200,
    c.var.requestId,
  );
}

/**
 * The OSS PostObject endpoint, step 2 of file-stream mode: a multipart form with `OSSAccessKeyId`, `policy`,
 * `Signature`, `key`, `success_action_status` and `file`. It checks the policy the emulator issued (signature,
 * expiry, bucket, key, size <= 1 MiB), keeps the file in memory for the upload TTL and answers like OSS
 * (201 with a PostResponse document when asked for 201; XML error documents otherwise).
 */
export async function postObject(
  c: Context<EmulatorEnv>,
  state: EmulatorState,
  bucket: string,
): Promise<Response> {
  const requestId = ossRequestId();
  c.set("requestId", requestId);
  // The request reached us as `{bucket}.{endpoint}` or at `/__oss/{bucket}/` on the endpoint itself.
  const host = requestHost(c.req.raw);
  const hostId = bucketOfHost(host) === bucket ? host : `${bucket}.${host}`;
  const fail = (status: number, code: string, message: string) => {
    c.set("answerCode", code);
    return ossErrorResponse(status, code, message, requestId, hostId);
  };
  let body: Uint8Array;
  try {
    body = await readBody(c.req.raw, POST_OBJECT_MAX_BODY);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return fail(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
    }
    throw error;
  }
  let form: FormData;
  try {
    const contentType = c.req.header("content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("multipart/form-data")) throw new TypeError("not multipart");
    form = await new Request("http://upload.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: body as BodyInit,
    }).formData();
  } catch {
    return fail(
      400,
      "MalformedPOSTRequest",
      "The body of your POST request is not well-formed multipart/form-data.",
    );
  }
  // OSS reads form field names case-insensitively.
  const field = (name: string): string | undefined => {
    for (const [key, value] of form)
      if (key.toLowerCase() === name && typeof value === "string") return value;
    return undefined;
  };
  const file = form.get("file");
  const accessKeyId = field("ossaccesskeyid");
  const policy = field("policy");
  const signature = field("signature");
  const key = field("key");
  if (!key) return fail(400, "InvalidArgument", "The key field must be provided.");
  if (!accessKeyId || !policy || !signature) {
    return fail(
      403,
      "AccessDenied",
      "OSSAccessKeyId, policy and Signature must be provided for a signed upload.",
    );
  }
  if (!(file instanceof Blob)) return fail(400, "InvalidArgument", "The file field must be provided.");
  const now = state.options.now();
  const checked = await verifyPostPolicy(
    { accessKeyId, policy, signature, key, fileSize: file.size },
    { ...state.uploadSigner, bucket, now },
  );
  if (!checked.ok) return fail(checked.status, checked.code, checked.message);

  const bytes = new Uint8Array(await file.arrayBuffer());
  state.objects.put(bucket, key, bytes, file.type || "application/octet-stream", now);
  c.set("answerCode", "Success");
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)).slice(0, 16);
  const etag = `"${bytesToHex(digest).toUpperCase()}"`;
  const headers = { "x-oss-request-id": requestId, etag };
  const status = field("success_action_status");
  if (status === "201") {
    const location = `http://${hostId}/${key.split("/").map(encodeURIComponent).join("/")}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse>\n  <Bucket>${escapeXml(bucket)}</Bucket>\n  <Location>${escapeXml(location)}</Location>\n  <Key>${escapeXml(key)}</Key>\n  <ETag>${etag}</ETag>\n</PostResponse>`;
    return new Response(xml, { status: 201, headers: { ...headers, "content-type": "application/xml" } });
  }
  return new Response(null, { status: status === "200" ? 200 : 204, headers });
}

/** An OSS error document (OSS answers XML, not JSON). */
export function ossErrorResponse(
  status: number,
  code: string,
  message: string,
  requestId: string,
  hostId: string,
): Response {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${escapeXml(code)}</Code>\n  <Message>${escapeXml(message)}</Message>\n  <RequestId>${requestId}</RequestId>\n  <HostId>${escapeXml(hostId)}</HostId>\n</Error>`;
  return new Response(xml, {
    status,
    headers: { "content-type": "application/xml", "x-oss-request-id": requestId },
  });
}

// OSS request ids are 24 upper-case hex characters.
function ossRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return bytesToHex(bytes).toUpperCase();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
