import { NetworkError, ResponseFormatError } from "@liveness-kit/core/errors";
import type { ImageFormat } from "@liveness-kit/core/image";
import { toLivenessApiError } from "@liveness-kit/core/response";
import type { AccessKeyCredentials } from "@liveness-kit/core/sign";
import { AUTHORIZE_FILE_UPLOAD, type RegionId } from "@liveness-kit/core/spec";
import * as v from "valibot";
import type { ProxyConfig } from "../config/proxy-config.js";
import type { ServerTiming } from "../observability/server-timing.js";
import { signedFetch } from "./signed-fetch.js";
import { authorizeUploadOrigin, facePictureFileUrl, ossPostUrl } from "./upstream-endpoint.js";

// What AuthorizeFileUpload answers; bucket and endpoint end up in URLs, so they must look like host parts.
const UploadPolicySchema = v.object({
  AccessKeyId: v.pipe(v.string(), v.regex(/^[\x21-\x7e]{1,128}$/)),
  Bucket: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{1,62}$/)),
  Endpoint: v.pipe(v.string(), v.regex(/^([a-z0-9][a-z0-9.-]{0,252}|\[[0-9a-f:.]+\])(:\d{1,5})?$/i)),
  ObjectKey: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._\-/]{1,512}$/)),
  EncodedPolicy: v.pipe(v.string(), v.minLength(1), v.maxLength(8_192)),
  Signature: v.pipe(v.string(), v.minLength(1), v.maxLength(512)),
});

/** Where an uploaded picture is, for `FacePictureFile`. */
export interface UploadedPicture {
  facePictureFile: string;
  requestId?: string;
}

/**
 * File-stream mode as the official SDK does it: AuthorizeFileUpload (OpenPlatform 2019-12-19, signed
 * with core) hands out an OSS upload policy for `region`, the picture goes up with an OSS PostObject,
 * and its object URL becomes `FacePictureFile`. Failures surface as core's error types.
 */
export async function uploadFacePicture(
  picture: { bytes: Uint8Array; format: ImageFormat },
  region: RegionId,
  config: ProxyConfig,
  credentials: AccessKeyCredentials,
  timeoutMs: number,
  timing: ServerTiming,
): Promise<UploadedPicture> {
  const query = new URLSearchParams({ Product: AUTHORIZE_FILE_UPLOAD.product, RegionId: region });
  const answer = await signedFetch(
    {
      method: "GET",
      url: `${authorizeUploadOrigin(config, region)}/?${query}`,
      action: AUTHORIZE_FILE_UPLOAD.action,
      version: AUTHORIZE_FILE_UPLOAD.version,
    },
    credentials,
    timeoutMs,
    timing,
  );
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    json = undefined;
  }
  if (answer.status < 200 || answer.status > 299)
    throw toLivenessApiError(answer.status, json ?? {}, answer.headers);
  const parsed = v.safeParse(UploadPolicySchema, json);
  if (!parsed.success) {
    throw new ResponseFormatError(
      `HTTP ${answer.status}: AuthorizeFileUpload answered an unexpected shape`,
      answer.status,
    );
  }
  const policy = parsed.output;

  const form = new FormData();
  form.set("OSSAccessKeyId", policy.AccessKeyId);
  form.set("policy", policy.EncodedPolicy);
  form.set("Signature", policy.Signature);
  form.set("key", policy.ObjectKey);
  form.set("success_action_status", "201");
  const type = picture.format === "png" ? "image/png" : "image/jpeg";
  form.set("file", new Blob([picture.bytes], { type }), picture.format === "png" ? "face.png" : "face.jpg");
  let upload: Response;
  try {
    upload = await fetch(ossPostUrl(config, region, policy.Bucket, policy.Endpoint), {
      method: "POST",
      body: form,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
    });
  } catch (error) {
    const timeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new NetworkError(timeout ? "Timeout" : "NetworkError", "the picture upload failed", {
      cause: error,
    });
  }
  const text = await upload.text();
  if (upload.status < 200 || upload.status > 299) {
    const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text)?.[1] ?? "PostObjectFailed";
    throw toLivenessApiError(
      upload.status,
      { Code: `Oss.${code}`, Message: "the picture upload was refused" },
      upload.headers,
    );
  }
  return {
    facePictureFile: facePictureFileUrl(config, region, {
      bucket: policy.Bucket,
      endpoint: policy.Endpoint,
      objectKey: policy.ObjectKey,
    }),
    ...(typeof (json as { RequestId?: unknown }).RequestId === "string"
      ? { requestId: (json as { RequestId: string }).RequestId }
      : {}),
  };
}
