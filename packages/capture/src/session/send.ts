import { createProxyLivenessClient, LivenessApiError, NetworkError } from "@liveness-kit/core/client";
import { bytesToBase64 } from "@liveness-kit/core/image";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { LivenessAnswer, LivenessErrorDetail } from "../element/events.js";
import type { StringKey } from "../strings/strings.js";
import { xhrFetch } from "./xhr-fetch.js";

/** What sending needs from the element's settings. */
export interface SendSettings {
  readonly proxyUrl: string;
  readonly token: string;
  readonly getToken: (() => string | Promise<string>) | undefined;
  readonly merchantBizId: string;
  readonly hashedUserId: string;
  readonly userId: string | undefined;
  readonly faceQualityCheck: boolean;
}

/** A failure to send, as the element reports it. */
export class SendError extends Error {
  constructor(
    readonly detail: Omit<LivenessErrorDetail, "message">,
    readonly key: StringKey,
  ) {
    super(detail.code);
  }
}

/** SHA-256 of the user id, hex: what Alibaba asks for instead of the raw id ("desensitised"). */
export function hashUserId(userId: string): string {
  return bytesToHex(sha256(utf8ToBytes(userId)));
}

/** 32 random hex digits: a MerchantBizId when the app gives none. */
export function randomMerchantBizId(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
}

const setupError = (code: string) =>
  new SendError({ code: "setup", retryable: false, proxyCode: code }, "setupError");

/**
 * Sends the photo through core's proxy client (which checks the input first and retries with one
 * MerchantBizId), reporting upload progress. Resolves with the proxy's answer, receipt included.
 */
export async function sendPhoto(
  bytes: Uint8Array,
  settings: SendSettings,
  merchantBizId: string,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<LivenessAnswer> {
  const merchantUserId = settings.userId ? hashUserId(settings.userId) : settings.hashedUserId;
  if (!settings.proxyUrl) throw setupError("proxy-url");
  if (!merchantUserId) throw setupError("user-id");
  if (!settings.getToken && !settings.token) throw setupError("token");
  const token = settings.getToken ?? settings.token;
  try {
    const client = createProxyLivenessClient({
      baseUrl: settings.proxyUrl,
      token,
      fetch: xhrFetch(onProgress),
      timeoutMs: 30_000,
    });
    return (await client.faceLiveness(
      {
        merchantBizId,
        merchantUserId,
        facePictureBase64: bytesToBase64(bytes),
        faceQualityCheck: settings.faceQualityCheck,
      },
      { signal },
    )) as LivenessAnswer;
  } catch (error) {
    if (error instanceof NetworkError) throw new SendError({ code: "network", retryable: true }, "network");
    if (error instanceof LivenessApiError) {
      const busy = error.httpStatus === 429 || error.httpStatus >= 500;
      throw new SendError(
        { code: "refused", retryable: error.retryable, proxyCode: error.code, requestId: error.requestId },
        busy ? "busy" : "refused",
      );
    }
    if (error instanceof Error && error.name === "ValidationError") throw setupError("input");
    throw error;
  }
}

/** Any failure while sending, as the element reports it: an app's token failure is a setup problem. */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof Error && error.name === "TokenError") {
    return new SendError({ code: "setup", retryable: true, proxyCode: "token" }, "setupError");
  }
  return new SendError({ code: "network", retryable: true }, "network");
}
