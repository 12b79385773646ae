import { ValidationError, type ValidationIssue } from "../errors/index.js";
import type { LivenessClient, ProxyClientOptions } from "./client-options.js";
import { resolveClientSettings } from "./client-settings.js";
import { proxyRouteUrl, proxySender, toProxyRequestBody } from "./proxy-transport.js";
import { retryOnEndpoint } from "./retry-on-endpoint.js";
import { withMerchantBizId } from "./with-merchant-biz-id.js";

/**
 * A client that calls our edge proxy with a caller token: for browsers, which must never hold the AccessKey.
 * It does not pull in the signer. Throws `ValidationError` listing every bad option.
 *
 * @example createProxyLivenessClient({ baseUrl: "https://liveness.example.com", token: () => getToken() })
 */
// @__NO_SIDE_EFFECTS__
export function createProxyLivenessClient(
  options: Omit<ProxyClientOptions, "mode"> & { readonly mode?: "proxy" },
): LivenessClient {
  const issues: ValidationIssue[] = [];
  const settings = resolveClientSettings(options, issues);
  const url = proxyRouteUrl(options.baseUrl);
  if (url === undefined) {
    issues.push({
      field: "baseUrl",
      code: "invalid_format",
      message: "must be an http(s) URL or a path such as /api",
    });
  }
  const { token } = options;
  if (typeof token !== "function" && (typeof token !== "string" || token === "")) {
    issues.push({ field: "token", code: "required", message: "must be a non-empty string or a function" });
  }
  if (issues.length > 0 || url === undefined) throw new ValidationError(issues);
  // The settings hold the transport's fetch and timeoutMs.
  const transport = { ...settings, url, token };

  return {
    async faceLiveness(input, call) {
      const body = toProxyRequestBody(withMerchantBizId(input));
      const send = proxySender(transport, body, call?.signal);
      // One endpoint: no fail-over, so the proxy's bundle leaves that logic out.
      return retryOnEndpoint(
        { send, policy: settings.policy, signal: call?.signal, onRetry: settings.onRetry },
        url,
      );
    },
  };
}
