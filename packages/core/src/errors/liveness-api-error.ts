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
  readonly httpStatus: number;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly billed: boolean;
  readonly hint: string;
  readonly retryAfterMs: number | undefined;
  readonly hostId: string | undefined;
  readonly recommend: string | undefined;

  constructor(fields: LivenessApiErrorFields) {
    super(fields.code, fields.message);
    this.httpStatus = fields.httpStatus;
    this.requestId = fields.requestId;
    this.retryable = fields.retryable;
    this.billed = fields.billed;
    this.hint = fields.hint;
    this.retryAfterMs = fields.retryAfterMs;
    this.hostId = fields.hostId;
    this.recommend = fields.recommend;
  }
}
