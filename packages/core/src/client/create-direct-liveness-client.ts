import { ValidationError, type ValidationIssue } from "../errors/index.js";
import { buildFaceLivenessRequest } from "../request/index.js";
import type { AccessKeyCredentials } from "../sign/index.js";
import type { DirectClientOptions, LivenessClient } from "./client-options.js";
import { resolveClientSettings } from "./client-settings.js";
import { resolveDirectEndpoints } from "./direct-endpoints.js";
import { directSender } from "./direct-transport.js";
import { sendWithRetries } from "./send-with-retries.js";
import { withMerchantBizId } from "./with-merchant-biz-id.js";

/**
 * A client that signs (ACS3-HMAC-SHA256) and calls Alibaba, or the emulator through `endpoint`. For servers and
 * Workers: it holds the AccessKey secret. Throws `ValidationError` listing every bad option.
 *
 * @example createDirectLivenessClient({ credentials: { accessKeyId, accessKeySecret }, region: "ap-southeast-1" })
 */
// @__NO_SIDE_EFFECTS__
export function createDirectLivenessClient(
  options: Omit<DirectClientOptions, "mode"> & { readonly mode?: "direct" },
): LivenessClient {
  const issues: ValidationIssue[] = [];
  const settings = resolveClientSettings(options, issues);
  const endpoints = resolveDirectEndpoints(options as DirectClientOptions, issues);
  checkCredentials(options.credentials, issues);
  if (issues.length > 0) throw new ValidationError(issues);
  const transport = {
    credentials: options.credentials,
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
  };

  return {
    async faceLiveness(input, call) {
      const request = buildFaceLivenessRequest(withMerchantBizId(input));
      return sendWithRetries({
        endpoints,
        send: directSender(transport, request, call?.signal),
        policy: settings.policy,
        signal: call?.signal,
        onRetry: settings.onRetry,
      });
    },
  };
}

// The signer checks these again on every call; checking here makes a misconfigured server fail at start-up.
function checkCredentials(credentials: AccessKeyCredentials | undefined, issues: ValidationIssue[]): void {
  if (typeof credentials !== "object" || credentials === null) {
    issues.push({
      field: "credentials",
      code: "required",
      message: "must hold accessKeyId and accessKeySecret",
    });
    return;
  }
  for (const field of ["accessKeyId", "accessKeySecret"] as const) {
    if (typeof credentials[field] !== "string" || credentials[field] === "") {
      issues.push({ field: `credentials.${field}`, code: "required", message: "must be a non-empty string" });
    }
  }
}
