import type { LivenessReceiptResult, ReceiptFailureReason } from "@liveness-kit/core/receipt";
import type { ProxyAnswer } from "../send/read-answer.js";
import type { SendResult } from "../send/send-result.js";
import type { DecodedReceipt } from "./decode-receipt.js";

/** What the browser's check of a receipt came to, in plain words. */
export interface ReceiptVerdict {
  /** `verified`: intact and signed by a published key; `expired`: that too, but past `exp`; else not verified. */
  readonly status: "verified" | "expired" | "refused";
  /** The headline: "Signature verified", or why not. */
  readonly title: string;
  /** One or two sentences: what happened and what to do. */
  readonly detail: string;
  /** core's reason, when refused or expired. */
  readonly reason?: ReceiptFailureReason;
}

/** Explains core's verification result for a receipt whose key set came from `jwksUrl`. */
export function explainVerification(
  result: LivenessReceiptResult,
  receipt: DecodedReceipt | undefined,
  jwksUrl: string,
  now: Date = new Date(),
): ReceiptVerdict {
  if (result.ok)
    return {
      status: "verified",
      title: "Signature verified",
      detail: `Intact, and signed by the key "${String(receipt?.header.kid)}" that the proxy publishes at ${jwksUrl}. Not expired.`,
    };
  const { reason } = result;
  const kid = String(receipt?.header.kid ?? "(none)");
  const alg = String(receipt?.header.alg ?? "(none)");
  const refused = (title: string, detail: string): ReceiptVerdict => ({
    status: "refused",
    title,
    detail,
    reason,
  });
  switch (reason) {
    case "expired": {
      const exp = Number(receipt?.claims.exp);
      const ago = Number.isFinite(exp) ? Math.max(0, Math.floor(now.getTime() / 1000) - exp) : undefined;
      return {
        status: "expired",
        title: "Signature verified, but the receipt has expired",
        detail: `It is the proxy's and intact (the signature is checked before the time), but its life ended${ago === undefined ? "" : ` ${ago < 60 ? `${ago} s` : `${Math.floor(ago / 60)} min`} ago`}: an app's server would refuse it now. Send again, or let the server look the answer up (GET /v1/face-liveness/{merchantBizId}) for a fresh one.`,
        reason,
      };
    }
    case "bad_signature":
      return refused(
        "Not verified: the signature does not match",
        "The header or the claims were changed after the proxy signed them, or the signature is cut. A server must refuse it.",
      );
    case "unknown_key":
      return refused(
        `Not verified: the key "${kid}" is not in the proxy's key set`,
        `${jwksUrl} does not publish it: the receipt was signed by someone else (or by another proxy), or with a key removed after a rotation.`,
      );
    case "unsupported_alg":
      return refused(
        `Not verified: the algorithm "${alg}" is not ES256`,
        "Receipts are signed with ES256 only; anything else (alg none, an HMAC made with the public key) is refused, so no forgery passes.",
      );
    case "wrong_type":
      return refused(
        "Not verified: this is not a liveness receipt",
        `Its typ is "${String(receipt?.header.typ ?? "(none)")}", not "liveness-receipt+jwt": some other token.`,
      );
    case "not_yet_valid":
      return refused(
        "Not verified: issued in the future",
        "Its iat is more than a minute ahead of this computer's clock. Check the clock of this computer or of the proxy.",
      );
    case "jwks_unavailable":
      return refused(
        "Not verified: the proxy's key set could not be fetched",
        `${jwksUrl} did not answer with a key set. Is the proxy up, and is this its URL? (The status bar checks its health.)`,
      );
    case "wrong_issuer":
    case "wrong_audience":
      return refused(
        `Not verified: ${reason === "wrong_issuer" ? "another issuer" : "another audience"}`,
        "The receipt names someone else than the verifier expects.",
      );
    default:
      return refused(
        "Not verified: not a well-formed receipt",
        "A receipt is three base64url parts (header.claims.signature) holding JSON with the receipt's claims.",
      );
  }
}

/** Why the answer on screen carries no receipt, in plain words. */
export function whyNoReceipt(result: SendResult | undefined): string {
  if (!result) return "No answer yet. Send a request: every decided answer carries a signed receipt.";
  if (result.kind === "not-sent") return "Nothing was sent, so there is no answer and no receipt.";
  if (result.failure)
    return `No receipt: the proxy signs only decided answers (Alibaba answered, SubCode 200 or 205), and this one is an error (${result.failure.code}). Nothing was decided, so there is nothing to prove.`;
  return "This answer has no receipt: the proxy that sent it does not sign receipts (an older version), or the answer was saved before it did.";
}

/** The decision claims that differ from the answer on screen: `name: receipt value ≠ answer value`. */
export function mismatchesWithAnswer(claims: object, answer: ProxyAnswer, merchantUserId: string): string[] {
  const claimOf = (name: string) => (claims as Record<string, unknown>)[name];
  const expected: Record<string, unknown> = {
    merchantBizId: answer.merchantBizId,
    merchantUserId,
    transactionId: answer.transactionId,
    passed: answer.passed,
    subCode: answer.subCode,
    region: answer.upstream?.region,
  };
  return Object.entries(expected)
    .filter(([name, value]) => value !== undefined && value !== "" && claimOf(name) !== value)
    .map(([name, value]) => `${name}: ${JSON.stringify(claimOf(name))} ≠ ${JSON.stringify(value)}`);
}

/** The proxy's key set under a proxy URL. */
export function jwksUrlOf(proxyUrl: string): string {
  return `${proxyUrl.replace(/\/+$/, "")}/.well-known/jwks.json`;
}
