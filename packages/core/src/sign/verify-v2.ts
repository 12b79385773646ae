import { constantTimeEqual } from "./constant-time-equal.js";
import { v2Signature, v2StringToSign } from "./sign-request-v2.js";
import { checkSignedDate, type VerifyContext } from "./verify-context.js";
import { SIGNATURE_MISMATCH_MESSAGE, type VerifyResult, verifyFailure } from "./verify-result.js";

const REQUIRED_PARAMETERS = ["AccessKeyId", "Action", "Version", "SignatureNonce", "Timestamp"] as const;
// Longer values (a base64 image, say) are elided from messages: a message may end up in a response or a log.
const MESSAGE_VALUE_LIMIT = 128;

/**
 * Reads the parameters of a V2 request: the query plus, for a form body, the body's parameters (both decoded).
 * Returns `undefined` when neither holds `Signature`.
 */
export function readV2Parameters(context: VerifyContext): [string, string][] | undefined {
  const parameters = [...context.url.searchParams];
  const contentType = context.headers.get("content-type")?.trim().toLowerCase() ?? "";
  if (contentType.startsWith("application/x-www-form-urlencoded") && context.body.length > 0) {
    // The body is decoded once, only for V2 form requests; invalid UTF-8 becomes U+FFFD instead of throwing.
    parameters.push(...new URLSearchParams(new TextDecoder().decode(context.body)));
  }
  return parameters.some(([name]) => name === "Signature") ? parameters : undefined;
}

/** Verifies a legacy V2 (HMAC-SHA1) request given its parameters (see `readV2Parameters`). */
export async function verifyV2(
  context: VerifyContext,
  parameters: [string, string][],
): Promise<VerifyResult> {
  const value = (name: string): string => parameters.find(([key]) => key === name)?.[1] ?? "";
  const missing = REQUIRED_PARAMETERS.filter((name) => value(name) === "");
  if (missing.length > 0) {
    return verifyFailure("MissingParameter", `The request lacks the parameter(s): ${missing.join(", ")}.`);
  }
  if (value("SignatureMethod") !== "HMAC-SHA1" || value("SignatureVersion") !== "1.0") {
    return verifyFailure(
      "IncompleteSignature",
      "A V2 signature needs SignatureMethod=HMAC-SHA1 and SignatureVersion=1.0.",
    );
  }
  const date = checkSignedDate(context, "Timestamp", value("Timestamp"));
  if (!(date instanceof Date)) return date;

  const accessKeyId = value("AccessKeyId");
  const secret = await context.lookupSecret(accessKeyId);
  if (!secret) return verifyFailure("InvalidAccessKeyId.NotFound", "Specified access key is not found.");

  const toSign = v2StringToSign(context.method, parameters);
  const expected = await v2Signature(secret, toSign);
  if (!constantTimeEqual(expected, value("Signature"))) {
    const shown = v2StringToSign(context.method, parameters.map(elideLongValue));
    return verifyFailure("SignatureDoesNotMatch", `${SIGNATURE_MISMATCH_MESSAGE}${shown}`, toSign);
  }
  const securityToken = value("SecurityToken");
  return {
    ok: true,
    signatureVersion: "v2",
    accessKeyId,
    action: value("Action"),
    version: value("Version"),
    nonce: value("SignatureNonce"),
    date,
    ...(securityToken ? { securityToken } : {}),
  };
}

function elideLongValue([name, value]: [string, string]): [string, string] {
  return value.length > MESSAGE_VALUE_LIMIT ? [name, `(${value.length} characters elided)`] : [name, value];
}
