import type { ProxyAnswer } from "../answers/proxy-answer.js";
import { ProxyError } from "../answers/proxy-error.js";
import type { ProxyEnv } from "../env.js";

/** What `runOnce` hands back: the answer, and how it was obtained. */
export interface RunOnceResult {
  answer: ProxyAnswer;
  /** `ran`: this request ran; `replayed`: a stored answer; `shared`: a concurrent duplicate's answer. */
  how: "ran" | "replayed" | "shared";
}

/** How long the key is kept, and how long one run may hold it. */
export interface RunOnceOptions {
  keepMs: number;
  leaseMs: number;
}

/**
 * Runs `work` at most once per (caller, `MerchantBizId`) through the key's `IdempotencyObject`: a
 * concurrent duplicate waits and shares the answer, a repeat gets the stored answer, a different body
 * under the same id gets 409. `work` says whether its answer was (or may have been) billed; only those
 * answers are kept (a timed-out call too: running it again could bill twice), anything else releases the
 * key so a later retry runs again.
 */
export async function runOnce(
  env: ProxyEnv,
  scope: { callerId: string; merchantBizId: string; fingerprint: string },
  options: RunOnceOptions,
  work: () => Promise<{ answer: ProxyAnswer; billed: boolean }>,
): Promise<RunOnceResult> {
  const key = env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName(`${scope.callerId}\n${scope.merchantBizId}`));
  const begin = await key.begin(scope.fingerprint, options.leaseMs);
  switch (begin.kind) {
    case "stored":
      return { answer: JSON.parse(begin.answer) as ProxyAnswer, how: "replayed" };
    case "shared":
      return { answer: JSON.parse(begin.answer) as ProxyAnswer, how: "shared" };
    case "conflict":
      throw new ProxyError(
        409,
        "idempotency_conflict",
        "This merchantBizId was already used with a different request; use a new merchantBizId.",
      );
    case "busy":
      throw new ProxyError(
        409,
        "idempotency_in_progress",
        "A request with this merchantBizId is still running.",
        {
          retryable: true,
          retryAfterMs: begin.retryAfterMs,
        },
      );
    case "run":
      break;
  }
  let outcome: { answer: ProxyAnswer; billed: boolean } | undefined;
  try {
    outcome = await work();
    return { answer: outcome.answer, how: "ran" };
  } finally {
    // Always end the run, even when `work` threw: waiters must not hang and the key must not stay locked.
    const answer = outcome?.answer ?? {
      status: 500,
      body: { code: "internal_error", message: "The proxy failed unexpectedly.", retryable: true },
      headers: {},
    };
    await key.finish(begin.leaseId, JSON.stringify(answer), outcome?.billed ? options.keepMs : 0);
  }
}
