import { decodeReceipt } from "../../receipt/decode-receipt.js";
import type { SnippetInput } from "./snippet-input.js";

/** The proxy's default receipt audience (RECEIPT_AUDIENCE), used when no receipt is on screen to read it from. */
export const DEFAULT_RECEIPT_AUDIENCE = "liveness-app";

/** What a "verify on your server" snippet checks a receipt against, and the receipt itself if one is on screen. */
export interface VerifyTarget {
  readonly jwksUrl: string;
  /** The issuer to pin: the receipt's own `iss` when one is on screen, else the proxy's origin (its default). */
  readonly issuer: string;
  /** The audience to pin: the receipt's `aud` when one is on screen, else the proxy's default. */
  readonly audience: string;
  /** What the app's server knows about this user's check: the id it chose and the user's hash. */
  readonly expected: { readonly merchantBizId: string; readonly merchantUserId: string };
  readonly receipt?: string;
}

/** The values a verify snippet spells out, from the request and the receipt on screen. */
export function verifyTarget({ proxyUrl, draft, receipt }: SnippetInput): VerifyTarget {
  const base = proxyUrl.replace(/\/+$/, "");
  const claims = receipt ? decodeReceipt(receipt)?.claims : undefined;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return {
    jwksUrl: `${base}/.well-known/jwks.json`,
    issuer: text(claims?.iss) ?? originOf(base),
    audience: text(claims?.aud) ?? DEFAULT_RECEIPT_AUDIENCE,
    expected: {
      // A MerchantBizId left to the proxy is the one the answer (and the receipt) carry.
      merchantBizId: draft.merchantBizId || (text(claims?.merchantBizId) ?? ""),
      merchantUserId: draft.merchantUserId,
    },
    ...(receipt ? { receipt } : {}),
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
