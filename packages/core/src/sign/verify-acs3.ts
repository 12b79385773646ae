import { type AuthorizationParts, parseAuthorizationHeader } from "./authorization-header.js";
import { canonicalPath } from "./canonical-path.js";
import { canonicalQuery } from "./canonical-query.js";
import { canonicalRequest } from "./canonical-request.js";
import { constantTimeEqual } from "./constant-time-equal.js";
import { hmacSha256Hex, sha256Hex } from "./hash.js";
import { stringToSign } from "./string-to-sign.js";
import { checkSignedDate, type VerifyContext } from "./verify-context.js";
import { SIGNATURE_MISMATCH_MESSAGE, type VerifyResult, verifyFailure } from "./verify-result.js";

// Headers every ACS3 request carries and signs (the official SDK always sends them).
const REQUIRED_HEADERS = [
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-content-sha256",
] as const;

/**
 * Verifies an ACS3-HMAC-SHA256 request. Every `x-acs-*` header received and `host` must be signed (Alibaba's
 * rule: every common header present takes part in the signature), so none can be added or changed unnoticed.
 */
export async function verifyAcs3(context: VerifyContext, authorization: string): Promise<VerifyResult> {
  const parts = parseAuthorizationHeader(authorization);
  if (!parts) {
    return verifyFailure(
      "IncompleteSignature",
      "The Authorization header is malformed: expected ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<64 hex digits>.",
    );
  }
  const headers = new Map(context.headers);
  if (!headers.has("host")) headers.set("host", context.url.host);

  const missing = REQUIRED_HEADERS.filter((name) => !headers.get(name)?.trim());
  if (missing.length > 0) {
    return verifyFailure("MissingParameter", `The request lacks the header(s): ${missing.join(", ")}.`);
  }
  const unsigned = unsignedHeaders(headers, parts);
  if (unsigned.length > 0) {
    return verifyFailure("IncompleteSignature", `These headers must be signed: ${unsigned.join(", ")}.`);
  }
  const header = (name: string): string => (headers.get(name) ?? "").trim();

  const date = checkSignedDate(context, "x-acs-date", header("x-acs-date"));
  if (!(date instanceof Date)) return date;

  const secret = await context.lookupSecret(parts.accessKeyId);
  if (!secret) return verifyFailure("InvalidAccessKeyId.NotFound", "Specified access key is not found.");

  // The body as received, hashed once; the signature covers this hash through x-acs-content-sha256.
  const bodyHash = await sha256Hex(context.body);
  if (!constantTimeEqual(bodyHash, header("x-acs-content-sha256").toLowerCase())) {
    return verifyFailure(
      "SignatureDoesNotMatch",
      "The x-acs-content-sha256 header does not match the body received.",
    );
  }

  // Exactly the headers the client says it signed (a missing one counts as empty), sorted as the signer sorts.
  const signedNames = [...new Set(parts.signedHeaders.split(";"))].sort();
  const canonical = canonicalRequest({
    method: context.method.toUpperCase(),
    path: canonicalPath(context.url.pathname),
    // Decoded then re-encoded: the official SDK's querystring leaves ! ' ( ) * as they are.
    query: canonicalQuery(context.url.searchParams),
    canonicalHeaders: signedNames.map((name) => `${name}:${header(name)}\n`).join(""),
    signedHeaders: signedNames.join(";"),
    bodyHash,
  });
  const toSign = stringToSign(await sha256Hex(canonical));
  const expected = await hmacSha256Hex(secret, toSign);
  if (!constantTimeEqual(expected, parts.signature)) {
    return verifyFailure("SignatureDoesNotMatch", `${SIGNATURE_MISMATCH_MESSAGE}${toSign}`, toSign);
  }
  const securityToken = headers.get("x-acs-security-token")?.trim();
  return {
    ok: true,
    signatureVersion: "v3",
    accessKeyId: parts.accessKeyId,
    action: header("x-acs-action"),
    version: header("x-acs-version"),
    nonce: header("x-acs-signature-nonce"),
    date,
    ...(securityToken ? { securityToken } : {}),
  };
}

function unsignedHeaders(headers: ReadonlyMap<string, string>, parts: AuthorizationParts): string[] {
  const signed = new Set(parts.signedHeaders.split(";"));
  const unsigned: string[] = [];
  for (const name of headers.keys()) {
    if ((name === "host" || name.startsWith("x-acs-")) && !signed.has(name)) unsigned.push(name);
  }
  return unsigned.sort();
}
