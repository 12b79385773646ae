import { ValidationError, type ValidationIssue } from "../errors/index.js";
import { formatAcsDate } from "./acs-date.js";
import type { QueryParameters } from "./canonical-query.js";
import { canonicalQuery } from "./canonical-query.js";
import { createNonce } from "./create-nonce.js";
import { hmac, importHmacKey } from "./hash.js";
import { percentEncode } from "./percent-encode.js";
import type { AccessKeyCredentials } from "./sign-request.js";

/** The request to sign with the legacy V2 signature: every query and form-body parameter, decoded. */
export interface SignableRequestV2 {
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
}

/** The common parameters of a V2 call; `date` and `nonce` are for tests and fixed requests. */
export interface SignOptionsV2 {
  readonly action: string;
  readonly version: string;
  readonly date?: Date | undefined;
  readonly nonce?: string | undefined;
  /** The answer format; defaults to `JSON`. */
  readonly format?: "JSON" | "XML" | undefined;
}

/**
 * The legacy V2 (HMAC-SHA1) string to sign: `METHOD&%2F&` followed by the percent-encoded canonical query of
 * every parameter except `Signature` (query and form body together).
 */
export function v2StringToSign(method: string, params: QueryParameters): string {
  const entries =
    typeof (params as Partial<Iterable<unknown>>)[Symbol.iterator] === "function"
      ? [...(params as Iterable<readonly [string, string]>)]
      : Object.entries(params);
  const signed = entries.filter(([name]) => name !== "Signature");
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonicalQuery(signed))}`;
}

/** Base64 HMAC-SHA1 of a V2 string to sign; the key is the AccessKey secret followed by `&`. */
export async function v2Signature(accessKeySecret: string, text: string): Promise<string> {
  const digest = await hmac(await importHmacKey(`${accessKeySecret}&`, "SHA-1"), text);
  return btoa(String.fromCharCode(...digest));
}

/**
 * Signs a request with the legacy V2 signature (RPC, HMAC-SHA1). Returns the parameters to send (query and/or
 * form body, as the caller splits them): the caller's, the common ones (`Action`, `Version`, `Format`,
 * `AccessKeyId`, `SignatureMethod`, `SignatureVersion`, `SignatureNonce`, `Timestamp`, `SecurityToken` with STS
 * credentials) and `Signature`.
 */
export async function signRequestV2(
  request: SignableRequestV2,
  credentials: AccessKeyCredentials,
  options: SignOptionsV2,
): Promise<Record<string, string>> {
  checkSignInputV2(request, credentials, options);
  const params: Record<string, string> = {
    ...request.params,
    Action: options.action,
    Version: options.version,
    Format: options.format ?? "JSON",
    AccessKeyId: credentials.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: options.nonce ?? createNonce(),
    Timestamp: formatAcsDate(options.date ?? new Date()),
  };
  delete params.Signature;
  if (credentials.securityToken) params.SecurityToken = credentials.securityToken;
  else delete params.SecurityToken;
  params.Signature = await v2Signature(credentials.accessKeySecret, v2StringToSign(request.method, params));
  return params;
}

function checkSignInputV2(
  request: SignableRequestV2,
  credentials: AccessKeyCredentials,
  options: SignOptionsV2,
): void {
  const issues: ValidationIssue[] = [];
  const required: [string, unknown][] = [
    ["method", request.method],
    ["accessKeyId", credentials.accessKeyId],
    ["accessKeySecret", credentials.accessKeySecret],
    ["action", options.action],
    ["version", options.version],
  ];
  for (const [field, value] of required) {
    if (typeof value !== "string" || value === "") {
      issues.push({ field, code: "required", message: "must be a non-empty string" });
    }
  }
  if (typeof request.params !== "object" || request.params === null) {
    issues.push({ field: "params", code: "invalid_type", message: "must be an object of strings" });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}
