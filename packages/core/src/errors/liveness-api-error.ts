import { LivenessError } from "./liveness-error.js";

/** The fields of an error answered by Alibaba's gateway or by FaceLivenessV2 itself. */
export interface LivenessApiErrorFields {
  readonly code: string;
  readonly httpStatus: number;
  readonly message: string;
  readonly requestId?: string | undefined;
  /** Whether the same request may succeed if sent again (throttling, 5xx). */
  readonly retryable: boolean;
  /** Whether Alibaba billed the call. */
  readonly billed: boolean;
  /** What to do about it, in one sentence. */
  readonly hint: string;
  /** From `x-acs-retry-after` (milliseconds), when the server sent it. */
  readonly retryAfterMs?: number | undefined;
  readonly hostId?: string | undefined;
  readonly recommend?: string | undefined;
}

/** An error answer of the API (gateway or product), typed. */
export class LivenessApiError extends LivenessError implements LivenessApiErrorFields {
  // Declared only, and set by one Object.assign: a field and an assignment per property cost browser bundle bytes.
  declare readonly httpStatus: number;
  declare readonly requestId: string | undefined;
  declare readonly retryable: boolean;
  declare readonly billed: boolean;
  declare readonly hint: string;
  declare readonly retryAfterMs: number | undefined;
  declare readonly hostId: string | undefined;
  declare readonly recommend: string | undefined;

  constructor(fields: LivenessApiErrorFields) {
    super(fields.code, fields.message);
    // A field left out of `fields` reads as undefined all the same.
    Object.assign(this, fields);
  }
}
