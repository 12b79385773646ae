import type { ProxyErrorCode } from "@liveness-kit/contract";

/** Alibaba's own code of a refusal, answered as it is (it is not one of the proxy's codes). */
export interface AlibabaCode {
  readonly alibaba: string;
}

/** Options of a `ProxyError` beyond status, code and message. */
export interface ProxyErrorOptions {
  /** True when the same request may succeed later (the caller may retry, after `retryAfterMs`). */
  retryable?: boolean;
  retryAfterMs?: number;
  /** Structured help for the caller, e.g. core's image report or the validation issues. */
  details?: unknown;
  /** What to do about it, in one sentence (core's advice for Alibaba's codes, the fixes for an image). */
  hint?: string;
  /** Headers the answer must carry, e.g. `www-authenticate` on a 401. */
  headers?: Record<string, string>;
  /** Advice for the operator: written to the request's log line, never to the answer. */
  operatorHint?: string;
}

/**
 * An error the proxy answers with: an HTTP status, a stable `code` and a message written for the
 * caller. Messages never hold a secret, an image or a raw user id. `code` is one of the contract's
 * `PROXY_ERROR_CODES` (checked by the compiler, and by `proxy-error-codes.test.ts` for the status), or
 * Alibaba's own code passed through as `{ alibaba }`.
 */
export class ProxyError extends Error {
  override readonly name = "ProxyError";
  readonly status: number;
  readonly code: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly details: unknown;
  readonly hint: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly operatorHint: string | undefined;

  constructor(
    status: number,
    code: ProxyErrorCode | AlibabaCode,
    message: string,
    options: ProxyErrorOptions = {},
  ) {
    super(message);
    this.status = status;
    this.code = typeof code === "string" ? code : code.alibaba;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details;
    this.hint = options.hint;
    this.headers = options.headers ?? {};
    this.operatorHint = options.operatorHint;
  }
}
