/** Why a signed request was refused; `code` is the code Alibaba's gateway answers in the same case. */
export type VerifyFailureCode =
  | "IncompleteSignature"
  | "InvalidAccessKeyId.NotFound"
  | "SignatureDoesNotMatch"
  | "InvalidTimeStamp.Expired"
  | "InvalidTimeStamp.Format"
  | "MissingParameter";

/** A refused request. `message` is safe to send back: it never holds the secret or parameter values. */
export interface VerifyFailure {
  readonly ok: false;
  readonly code: VerifyFailureCode;
  readonly message: string;
  /**
   * The server's string to sign, when the signature was computed. For V2 it holds every parameter (image data
   * included): for debugging only, never for a response or a log line.
   */
  readonly stringToSign?: string;
}

/** An accepted request and what its signature vouches for. */
export interface VerifySuccess {
  readonly ok: true;
  readonly signatureVersion: "v3" | "v2";
  readonly accessKeyId: string;
  readonly action: string;
  readonly version: string;
  /** Check it against the nonces seen in the last `maxSkewMs` to refuse replays (`SignatureNonceUsed`). */
  readonly nonce: string;
  readonly date: Date;
  readonly securityToken?: string;
}

/** The outcome of `verifyRequest`. */
export type VerifyResult = VerifySuccess | VerifyFailure;

/** Builds a failure. */
export function verifyFailure(
  code: VerifyFailureCode,
  message: string,
  stringToSign?: string,
): VerifyFailure {
  return stringToSign === undefined
    ? { ok: false, code, message }
    : { ok: false, code, message, stringToSign };
}

/** Alibaba's wording for a signature that does not match, followed by the server's string to sign. */
export const SIGNATURE_MISMATCH_MESSAGE =
  "Specified signature is not matched with our calculation. server string to sign is:";
