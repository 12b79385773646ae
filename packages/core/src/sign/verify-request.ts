import { type ReceivedHeaders, readReceivedHeaders } from "./received-headers.js";
import { ACS3_ALGORITHM } from "./string-to-sign.js";
import { verifyAcs3 } from "./verify-acs3.js";
import type { VerifyContext } from "./verify-context.js";
import { type VerifyResult, verifyFailure } from "./verify-result.js";
import { readV2Parameters, verifyV2 } from "./verify-v2.js";

/** A request as a server received it. `url` may be a path (`/?a=b`); `host` then comes from the headers. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string | URL;
  readonly headers: ReceivedHeaders;
  /** The body bytes exactly as received. */
  readonly body?: Uint8Array | undefined;
}

/** Finds the secret of an AccessKey id; `undefined` (or an empty string) when the id is unknown. */
export type SecretLookup = (accessKeyId: string) => string | undefined | Promise<string | undefined>;

/** Options of `verifyRequest`. */
export interface VerifyOptions {
  /** The server time; defaults to now. */
  readonly now?: Date | undefined;
  /** How far the signed date may be from `now`; defaults to 15 minutes, as Alibaba's gateway. */
  readonly maxSkewMs?: number | undefined;
}

/** Alibaba's gateway refuses a signed date more than 15 minutes away from its clock. */
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

const EMPTY_BODY = new Uint8Array(0);

// Carries an error of the caller's lookupSecret through the safety net below.
class LookupError {
  constructor(readonly cause: unknown) {}
}

/**
 * Verifies a signed request the way Alibaba's gateway does, for servers such as the emulator. ACS3-HMAC-SHA256
 * when `Authorization` starts with `ACS3-HMAC-SHA256`; otherwise legacy V2 when the query or a form body holds
 * `Signature`. The query is decoded and re-encoded canonically (so querystring-style encodings verify), the body
 * is hashed exactly as received and checked against `x-acs-content-sha256`, signatures are compared in constant
 * time, and the signed date must be within `maxSkewMs` of now.
 *
 * Never throws on hostile input: it resolves to a failure with Alibaba's code (`IncompleteSignature`,
 * `MissingParameter`, `InvalidTimeStamp.Format`, `InvalidTimeStamp.Expired`, `InvalidAccessKeyId.NotFound`,
 * `SignatureDoesNotMatch`) and a message that says why (with the server's string to sign on a mismatch). Only an
 * error thrown by `lookupSecret` itself is passed on. Replayed nonces are the caller's to refuse.
 */
export async function verifyRequest(
  request: ReceivedRequest,
  lookupSecret: SecretLookup,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  try {
    const context = readRequest(request, lookupSecret, options);
    if (!context) return verifyFailure("IncompleteSignature", "The request URL or method cannot be read.");
    const authorization = context.headers.get("authorization")?.trim() ?? "";
    if (authorization.startsWith(`${ACS3_ALGORITHM} `)) return await verifyAcs3(context, authorization);
    const v2Parameters = readV2Parameters(context);
    if (v2Parameters) return await verifyV2(context, v2Parameters);
    return verifyFailure(
      "IncompleteSignature",
      authorization === ""
        ? "The request is not signed: it has no Authorization header and no Signature parameter."
        : "The Authorization header is malformed or uses an unsupported algorithm: expected ACS3-HMAC-SHA256.",
    );
  } catch (error) {
    if (error instanceof LookupError) throw error.cause;
    return verifyFailure("IncompleteSignature", "The request cannot be read.");
  }
}

function readRequest(
  request: ReceivedRequest,
  lookupSecret: SecretLookup,
  options: VerifyOptions,
): VerifyContext | undefined {
  if (typeof request !== "object" || request === null || typeof request.method !== "string") return undefined;
  const url = readUrl(request.url);
  if (!url) return undefined;
  const body = request.body instanceof Uint8Array ? request.body : EMPTY_BODY;
  const now = options.now?.getTime() ?? Date.now();
  return {
    method: request.method,
    url,
    headers: readReceivedHeaders(request.headers),
    body,
    lookupSecret: async (accessKeyId) => {
      try {
        return await lookupSecret(accessKeyId);
      } catch (error) {
        throw new LookupError(error);
      }
    },
    now: Number.isFinite(now) ? now : Date.now(),
    maxSkewMs: options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS,
  };
}

function readUrl(url: string | URL): URL | undefined {
  if (url instanceof URL) return url;
  if (typeof url !== "string") return undefined;
  // A bare path, as Node's req.url: the host is signed through the host header, not through the URL.
  const base = url.startsWith("/") ? "http://host.invalid" : undefined;
  // URL.canParse spares an exception per garbage URL; older runtimes fall back to try/catch.
  if (typeof URL.canParse === "function" && !URL.canParse(url, base)) return undefined;
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}
