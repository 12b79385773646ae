import { parseAcsDate } from "./acs-date.js";
import { type VerifyFailure, verifyFailure } from "./verify-result.js";

/** A received request, read once by `verifyRequest` and handed to the V3 or V2 check. */
export interface VerifyContext {
  readonly method: string;
  readonly url: URL;
  /** Lower-case names. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Uint8Array;
  readonly lookupSecret: (accessKeyId: string) => Promise<string | undefined>;
  /** Milliseconds since the epoch. */
  readonly now: number;
  readonly maxSkewMs: number;
}

/** Reads a signed date and checks it is within `maxSkewMs` of now; `field` names it in the message. */
export function checkSignedDate(context: VerifyContext, field: string, value: string): Date | VerifyFailure {
  const date = parseAcsDate(value);
  if (!date) {
    return verifyFailure(
      "InvalidTimeStamp.Format",
      `Specified ${field} is not well formatted: expected yyyy-MM-ddTHH:mm:ssZ (UTC).`,
    );
  }
  if (Math.abs(context.now - date.getTime()) > context.maxSkewMs) {
    const minutes = Math.round(context.maxSkewMs / 60_000);
    return verifyFailure(
      "InvalidTimeStamp.Expired",
      `Specified ${field} is more than ${minutes} minutes away from the server time (UTC).`,
    );
  }
  return date;
}
