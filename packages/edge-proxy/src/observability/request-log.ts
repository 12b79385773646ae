/**
 * The fields of the one log line a request writes. Only what is safe to keep: ids, sizes, outcomes and
 * durations; never an image, a secret, a caller key, a token or the (hashed) user id.
 */
export interface RequestLogFields {
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  code?: string;
  origin?: string;
  /** `key:<configured id>` or `token` (a token's subject may be a user id, so it is not logged). */
  caller?: string;
  tokenId?: string;
  merchantBizId?: string;
  merchantBizIdGenerated?: boolean;
  pictureMode?: "base64" | "file" | "url";
  imageBytes?: number;
  /** Bytes after the image's end marker (JPEG EOI, PNG IEND) that were not sent upstream. */
  droppedBytesAfterImage?: number;
  idempotency?: "none" | "ran" | "replayed" | "shared" | "conflict" | "busy";
  /** A run that outlived its lease: its billed answer was kept anyway, or another billed one already was. */
  idempotencyFinish?: "late_kept" | "late_ignored";
  regionsTried?: string[];
  region?: string;
  attempts?: number;
  upstreamRequestId?: string;
  upstreamCode?: string;
  /** What the operator should do about a 502 (the caller gets a generic message instead). */
  operatorHint?: string;
  passed?: boolean;
  subCode?: string;
  retryable?: boolean;
  errorName?: string;
  configProblems?: readonly string[];
  timings?: Record<string, number>;
}

/** Writes the request's single JSON log line (Workers Logs and `wrangler tail` collect console output). */
export function writeRequestLog(fields: RequestLogFields): void {
  const level = fields.status >= 500 ? "error" : fields.status >= 400 ? "warn" : "info";
  console.log(JSON.stringify({ level, message: "request", ...fields }));
}
