import { ValidationError, type ValidationIssue } from "../errors/index.js";
import { formatAcsDate } from "./acs-date.js";
import { authorizationHeader } from "./authorization-header.js";
import { canonicalHeaders } from "./canonical-headers.js";
import { canonicalPath } from "./canonical-path.js";
import { canonicalQuery } from "./canonical-query.js";
import { canonicalRequest } from "./canonical-request.js";
import { createNonce } from "./create-nonce.js";
import { bytesToHex, hmac, importHmacKey, sha256Hex, utf8Bytes } from "./hash.js";
import { stringToSign } from "./string-to-sign.js";

/** The request to sign. The query travels in `url`; `body` is the exact bytes (or text, sent as UTF-8). */
export interface SignableRequest {
  readonly method: string;
  readonly url: string | URL;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: Uint8Array | string | undefined;
}

/** An Alibaba Cloud AccessKey pair, with the token of temporary (STS) credentials when there is one. */
export interface AccessKeyCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

/** What the signature says about the call. `date` and `nonce` are for tests and replays of a fixed request. */
export interface SignOptions {
  /** The API name, sent as `x-acs-action` (e.g. `FaceLivenessV2`). */
  readonly action: string;
  /** The API version, sent as `x-acs-version` (e.g. `2022-08-09`). */
  readonly version: string;
  /** Defaults to now. */
  readonly date?: Date | undefined;
  /** Defaults to a fresh `createNonce()`. */
  readonly nonce?: string | undefined;
}

const EMPTY_BODY = new Uint8Array(0);

/**
 * Signs a request with ACS3-HMAC-SHA256 and returns every header to send, names lower-case: the caller's
 * headers, `host` (from the URL), `x-acs-action`, `x-acs-version`, `x-acs-date`, `x-acs-signature-nonce`,
 * `x-acs-content-sha256` (of the exact body bytes), `x-acs-security-token` with STS credentials, and
 * `authorization`. The generated headers win over caller headers of the same name.
 *
 * The query is read from `url` decoded and re-encoded canonically, so any correct encoding of it may be sent.
 * A string body is UTF-8 encoded once; the body is hashed once. Throws a `ValidationError` for an unusable URL,
 * empty credentials or options; the secret never appears in an error.
 */
export async function signRequest(
  request: SignableRequest,
  credentials: AccessKeyCredentials,
  options: SignOptions,
): Promise<Record<string, string>> {
  const url = checkSignInput(request, credentials, options);
  const date = formatAcsDate(options.date ?? new Date());
  const body =
    request.body === undefined
      ? EMPTY_BODY
      : typeof request.body === "string"
        ? utf8Bytes(request.body)
        : request.body;

  // The key import does not need the body hash: run both at once.
  const [key, bodyHash] = await Promise.all([
    importHmacKey(credentials.accessKeySecret, "SHA-256"),
    sha256Hex(body),
  ]);

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  delete headers.authorization;
  headers.host = url.host;
  headers["x-acs-action"] = options.action;
  headers["x-acs-version"] = options.version;
  headers["x-acs-date"] = date;
  headers["x-acs-signature-nonce"] = options.nonce ?? createNonce();
  headers["x-acs-content-sha256"] = bodyHash;
  if (credentials.securityToken) headers["x-acs-security-token"] = credentials.securityToken;
  else delete headers["x-acs-security-token"];

  const signed = canonicalHeaders(headers);
  const canonical = canonicalRequest({
    method: request.method.toUpperCase(),
    path: canonicalPath(url.pathname),
    query: canonicalQuery(url.searchParams),
    canonicalHeaders: signed.canonicalHeaders,
    signedHeaders: signed.signedHeaders,
    bodyHash,
  });
  const signature = bytesToHex(await hmac(key, stringToSign(await sha256Hex(canonical))));
  headers.authorization = authorizationHeader({
    accessKeyId: credentials.accessKeyId,
    signedHeaders: signed.signedHeaders,
    signature,
  });
  return headers;
}

function checkSignInput(
  request: SignableRequest,
  credentials: AccessKeyCredentials,
  options: SignOptions,
): URL {
  const issues: ValidationIssue[] = [];
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {}
  if (!url?.host)
    issues.push({ field: "url", code: "invalid_format", message: "must be an absolute URL with a host" });
  const required = {
    method: request.method,
    ...credentials,
    action: options.action,
    version: options.version,
  };
  for (const field of ["method", "accessKeyId", "accessKeySecret", "action", "version"] as const) {
    const value = required[field];
    if (typeof value !== "string" || value === "")
      issues.push({ field, code: "required", message: "must be a non-empty string" });
  }
  if (issues.length > 0 || !url) throw new ValidationError(issues);
  return url;
}
